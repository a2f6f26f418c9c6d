import type { MailboxMessageView } from '@shouwang/shared/schemas/mailbox';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useLinkChild } from '../api';

interface ChildOption {
  id: string;
  name: string;
  class: { name: string } | null;
}

/** Links the letter to a child of the same school (search by name or pinyin), or unlinks it. */
export function LinkChildField({
  message,
  onChanged,
}: {
  message: MailboxMessageView;
  onChanged: (m: MailboxMessageView) => void;
}) {
  const { t } = useTranslation();
  const { message: toast } = App.useApp();
  const link = useLinkChild();
  const [search, setSearch] = useState(message.senderName ?? '');
  const [term, setTerm] = useState(search);
  useEffect(() => {
    const id = window.setTimeout(() => setTerm(search.trim()), 300);
    return () => window.clearTimeout(id);
  }, [search]);
  const children = useQuery({
    queryKey: ['children', 'mailbox-link', message.school.id, term],
    queryFn: ({ signal }) =>
      api.get<{ items: ChildOption[] }>('/children', { q: term, schoolId: message.school.id, pageSize: 10 }, signal),
    enabled: term.length > 0 && !message.child,
  });
  const i = (key: string) => t(`wellbeing.mailbox.inbox.${key}`);
  const save = (childId: string | null) =>
    link.mutate(
      { id: message.id, body: { childId, version: message.version } },
      {
        onSuccess: (m) => {
          toast.success(childId ? i('linked') : i('unlink'));
          onChanged(m);
        },
        onError: (e) => toast.error(e.message),
      },
    );

  if (message.child)
    return (
      <Flex gap={8} align="center" wrap>
        <Link to={`/children/${message.child.id}`}>{message.child.name}</Link>
        {message.abilities.linkChild && (
          <Button size="small" onClick={() => save(null)} loading={link.isPending}>
            {i('unlink')}
          </Button>
        )}
      </Flex>
    );
  if (!message.abilities.linkChild) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {i('linkChildHint')}
      </Typography.Text>
      <Select
        showSearch={{ filterOption: false, searchValue: search, onSearch: setSearch }}
        placeholder={i('searchChild')}
        loading={children.isFetching}
        options={(children.data?.items ?? []).map((c) => ({
          value: c.id,
          label: c.class ? `${c.name}（${c.class.name}）` : c.name,
        }))}
        onChange={(id: string) => save(id)}
        style={{ width: '100%' }}
        data-testid="mailbox-link-child"
      />
    </Flex>
  );
}
