import { WarningOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useMailboxAlerts } from '../api';
import { StatusTag } from './StatusTag';

/** Urgent letters not yet closed: when, where, state and who handles them. Never the text. */
export function UrgentAlertsCard() {
  const { t } = useTranslation();
  const alerts = useMailboxAlerts();
  const s = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.mailbox.settings.${key}`, opts);
  const items = alerts.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <span style={{ color: items.length ? '#cf1322' : undefined }}>
          <WarningOutlined /> {s('alertsTitle')}
          {items.length ? ` (${items.length})` : ''}
        </span>
      }
      loading={alerts.isPending}
      data-testid="mailbox-alerts"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {items.length ? s('alertsHint') : s('noAlerts')}
      </Typography.Paragraph>
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', width: '100%' }}>
                <StatusTag status={a.status} />
                <span>{formatDateTime(a.receivedAt)}</span>
                <span>{a.school.name}</span>
                <Typography.Text type={a.handler ? undefined : 'danger'} style={{ marginLeft: 'auto' }}>
                  {a.handler ? t('wellbeing.mailbox.inbox.handler', { name: a.handler.displayName }) : s('noHandler')}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
