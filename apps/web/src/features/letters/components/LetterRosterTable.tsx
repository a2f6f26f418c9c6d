import { CheckOutlined } from '@ant-design/icons';
import { type LetterChannel, letterChannels } from '@shouwang/shared/letters/letter-codes';
import type { LetterRosterResponse } from '@shouwang/shared/schemas/letters';
import { App, Button, DatePicker, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useMarkLettersSent, useUndoLetterSent } from '../api';

type Row = LetterRosterResponse['items'][number];

/** The class's children with their letter's state; mark one, or the selected ones, as sent. */
export function LetterRosterTable({ roster }: { roster: LetterRosterResponse }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [channel, setChannel] = useState<LetterChannel>('wechat');
  const [sentOn, setSentOn] = useState<Dayjs>(dayjs());
  const [selected, setSelected] = useState<string[]>([]);
  const mark = useMarkLettersSent();
  const undo = useUndoLetterSent();
  const items = roster.items;
  const sent = items.filter((i) => i.delivery).length;
  const canMark = items.some((i) => i.abilities.markSent);

  const showError = (e: unknown) => {
    const details = isApiError(e) ? e.details.map((d) => d.message).join('\n') : '';
    modal.error({ title: (e as Error).message, content: details || undefined });
  };

  const markSent = (childIds: string[]) =>
    mark.mutate(
      {
        termId: roster.term.id,
        letterKind: roster.kind,
        channel,
        sentOn: sentOn.format('YYYY-MM-DD'),
        childIds,
      },
      {
        onSuccess: () => {
          message.success(t('letters.markedSent', { count: childIds.length }));
          setSelected([]);
        },
        onError: showError,
      },
    );

  if (items.length === 0) return <EmptyState description={t('letters.noChildren')} />;

  const status = (row: Row) =>
    row.delivery ? (
      <Flex vertical gap={2}>
        <Tag color="green" icon={<CheckOutlined />} style={{ width: 'fit-content' }}>
          {t('letters.sent')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('letters.sentDetail', {
            channel: t(`letters.channels.${row.delivery.channel}`),
            date: row.delivery.sentOn,
            by: row.delivery.sentBy,
          })}
        </Typography.Text>
      </Flex>
    ) : (
      <Tag>{t('letters.notSent')}</Tag>
    );

  const action = (row: Row) =>
    row.abilities.markSent ? (
      <Button size="small" loading={mark.isPending} onClick={() => markSent([row.child.id])} data-testid="letter-mark">
        {t('letters.markSent')}
      </Button>
    ) : row.abilities.undo && row.delivery ? (
      <Popconfirm
        title={t('letters.confirmUndo')}
        onConfirm={() =>
          undo.mutate(
            { id: row.delivery!.id, version: row.delivery!.version },
            { onSuccess: () => message.success(t('letters.undone')), onError: showError },
          )
        }
      >
        <Button size="small" type="link">
          {t('letters.undo')}
        </Button>
      </Popconfirm>
    ) : null;

  return (
    <Flex vertical gap={12}>
      {canMark && (
        <Flex wrap gap={8} align="center">
          <Select<LetterChannel>
            value={channel}
            onChange={setChannel}
            options={letterChannels.map((c) => ({ value: c, label: t(`letters.channels.${c}`) }))}
            aria-label={t('letters.channel')}
            style={{ width: 110 }}
            data-testid="letter-channel"
          />
          <DatePicker
            value={sentOn}
            onChange={(d) => d && setSentOn(d)}
            allowClear={false}
            inputReadOnly={isMobile}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            aria-label={t('letters.sentOn')}
            style={{ width: 140 }}
          />
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={mark.isPending}
            onClick={() => markSent(selected)}
            data-testid="letters-mark-selected"
          >
            {selected.length === 0
              ? t('letters.markSelectedNone')
              : t('letters.markSelected', { count: selected.length })}
          </Button>
        </Flex>
      )}
      <Typography.Text strong data-testid="letters-progress">
        {t('letters.progress', { sent, total: items.length })}
      </Typography.Text>
      <Table<Row>
        rowKey={(r) => r.child.id}
        dataSource={items}
        pagination={false}
        size="small"
        rowSelection={
          canMark
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: !r.abilities.markSent, 'aria-label': r.child.name }),
              }
            : undefined
        }
        columns={[
          { key: 'child', title: t('letters.child'), render: (_, r) => r.child.name },
          { key: 'status', title: t('letters.status'), render: (_, r) => status(r) },
          { key: 'action', title: t('common.actions'), align: 'right', render: (_, r) => action(r) },
        ]}
      />
    </Flex>
  );
}
