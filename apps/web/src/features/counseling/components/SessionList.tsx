import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { CounselingSessionView } from '@shouwang/shared/schemas/counseling';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { useDeleteSession, useSessions } from '../api';
import { SessionFormDrawer } from './SessionFormDrawer';

/** The child's counseling sessions, newest first; counselors only (the server audits each read). */
export function SessionList({ childId, canWrite }: { childId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const sessions = useSessions(childId, true);
  const remove = useDeleteSession(childId);
  const [editing, setEditing] = useState<{ session: CounselingSessionView | null } | null>(null);

  const confirmDelete = (s: CounselingSessionView) =>
    modal.confirm({
      title: t('counseling.sessions.confirmDelete'),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () =>
        remove.mutateAsync(s).then(
          () => message.success(t('counseling.sessions.deleted')),
          (e: Error) => message.error(e.message),
        ),
    });

  return (
    <Card
      size="small"
      title={t('counseling.sessions.title')}
      extra={
        canWrite && (
          <Button
            type="primary"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ session: null })}
            data-testid="session-add"
          >
            {t('counseling.sessions.add')}
          </Button>
        )
      }
      data-testid="session-list"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        <LockOutlined /> {t('counseling.sessions.confidential')}
      </Typography.Paragraph>
      {sessions.isPending && <Skeleton active />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => sessions.refetch()} />}
      {sessions.data?.items.length === 0 && <EmptyState description={t('counseling.sessions.empty')} />}
      <Flex vertical gap={12}>
        {sessions.data?.items.map((s) => (
          <Card key={s.id} size="small" type="inner" data-testid="session-item">
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>{s.sessionOn}</Typography.Text>
              <Typography.Text type="secondary">
                {t('counseling.sessions.by', { name: s.counselor.displayName })}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '8px 0 4px' }}>
              <Typography.Text type="secondary">{t('counseling.sessions.presentingConcern')}：</Typography.Text>
              <span style={{ whiteSpace: 'pre-wrap' }}>{s.presentingConcern}</span>
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '0 0 4px' }}>{s.notes}</Typography.Paragraph>
            {s.agreedActions && (
              <Typography.Paragraph style={{ margin: '0 0 4px' }}>
                <Typography.Text type="secondary">{t('counseling.sessions.agreedActions')}：</Typography.Text>
                <span style={{ whiteSpace: 'pre-wrap' }}>{s.agreedActions}</span>
              </Typography.Paragraph>
            )}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">
                {s.nextSessionOn ? t('counseling.sessions.nextOn', { date: s.nextSessionOn }) : ''}
              </Typography.Text>
              {s.abilities.update && (
                <Flex gap={4}>
                  <Button size="small" type="link" onClick={() => setEditing({ session: s })}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" type="link" danger onClick={() => confirmDelete(s)}>
                    {t('common.delete')}
                  </Button>
                </Flex>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
      {editing && (
        <SessionFormDrawer open childId={childId} session={editing.session} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
