import { PrinterOutlined } from '@ant-design/icons';
import type { MailboxMessageView } from '@shouwang/shared/schemas/mailbox';
import { Alert, App, Button, Flex, Pagination, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../api/download';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { type InboxFilter, posterUrl, useInbox, useMailboxSchools } from '../api';
import { MessageCard } from '../components/MessageCard';
import { MessageDrawer } from '../components/MessageDrawer';

/** 悄悄话信箱 for counselors: open urgent letters first, then unanswered ones, newest first. */
export function MailboxInboxPage() {
  const { t, i18n } = useTranslation();
  const { message: toast } = App.useApp();
  const [filter, setFilter] = useState<InboxFilter>('open');
  const [page, setPage] = useState(1);
  const inbox = useInbox(filter, page);
  const schools = useMailboxSchools();
  const [selected, setSelected] = useState<MailboxMessageView | null>(null);
  const i = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.inbox.${key}`, opts);
  const urgentOpen = (inbox.data?.items ?? []).filter((m) => m.urgent && m.status === 'new').length;
  const withBox = (schools.data?.items ?? []).filter((s) => s.box);

  return (
    <>
      <PageHeader
        title={i('title')}
        subtitle={i('subtitle')}
        extra={withBox.map((s) => (
          <Button
            key={s.school.id}
            icon={<PrinterOutlined />}
            onClick={() =>
              downloadFile(posterUrl(s.school.id), i18n.language).catch((e: Error) => toast.error(e.message))
            }
          >
            {withBox.length > 1 ? `${s.school.name} ${i('posterForCounselor')}` : i('posterForCounselor')}
          </Button>
        ))}
      />
      {urgentOpen > 0 && (
        <Alert type="error" showIcon title={i('alertBanner', { count: urgentOpen })} style={{ marginBottom: 12 }} />
      )}
      <Segmented<InboxFilter>
        value={filter}
        onChange={(f) => {
          setFilter(f);
          setPage(1);
        }}
        options={[
          { value: 'open', label: i('filterOpen') },
          { value: 'urgent', label: i('filterUrgent') },
          { value: 'all', label: i('filterAll') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {inbox.isPending && <Skeleton active />}
      {inbox.isError && <QueryError error={inbox.error} onRetry={() => inbox.refetch()} />}
      {inbox.data && inbox.data.items.length === 0 && <EmptyState description={i('empty')} />}
      {inbox.data && inbox.data.items.length > 0 && (
        <Flex vertical gap={10}>
          {inbox.data.items.map((m) => (
            <MessageCard key={m.id} message={m} onOpen={() => setSelected(m)} />
          ))}
          {inbox.data.total > 20 && (
            <Pagination
              current={page}
              pageSize={20}
              total={inbox.data.total}
              onChange={setPage}
              showSizeChanger={false}
              style={{ alignSelf: 'center' }}
            />
          )}
        </Flex>
      )}
      {selected && (
        <MessageDrawer key={selected.id} message={selected} onChange={setSelected} onClose={() => setSelected(null)} />
      )}
    </>
  );
}
