import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Skeleton, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { QueryError } from '../../../components/QueryError';
import { useRiskLevel } from '../api';
import { RiskLevelBadge } from './RiskLevelBadge';
import { RiskLevelDrawer } from './RiskLevelDrawer';

/** The child's current risk level and whom to ask; counselors also see and add to its history. */
export function RiskLevelCard({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const risk = useRiskLevel(childId);
  const [editing, setEditing] = useState(false);
  if (risk.isPending) return <Skeleton active />;
  if (risk.isError) return <QueryError error={risk.error} onRetry={() => risk.refetch()} />;
  const v = risk.data;
  const counselor = v.abilities.readSessions;

  return (
    <Card
      size="small"
      title={t('counseling.risk.title')}
      extra={
        v.abilities.setRiskLevel && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="risk-level-set">
            {t('counseling.risk.set')}
          </Button>
        )
      }
      data-testid="risk-level-card"
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          {v.current ? (
            <>
              <RiskLevelBadge level={v.current.level} />
              <Typography.Text type="secondary">
                {t('counseling.risk.setBy', {
                  name: v.current.setBy.displayName,
                  date: formatDateTime(v.current.setAt),
                })}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">{t('counseling.risk.none')}</Typography.Text>
          )}
        </Flex>
        {!counselor && (
          <div>
            <Typography.Text strong>{t('counseling.risk.askTitle')}</Typography.Text>
            {v.contacts.length === 0 ? (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('counseling.risk.askNone')}
              </Typography.Paragraph>
            ) : (
              <List
                size="small"
                dataSource={v.contacts}
                renderItem={(c) => (
                  <List.Item data-testid="risk-contact">
                    <Typography.Text>{c.displayName}</Typography.Text>
                    {c.phone && (
                      <a href={`tel:${c.phone}`}>
                        <PhoneOutlined /> {c.phone}
                      </a>
                    )}
                  </List.Item>
                )}
              />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('counseling.risk.askHint')}
            </Typography.Text>
          </div>
        )}
        {counselor && v.history.length > 0 && (
          <div>
            <Typography.Text strong>{t('counseling.risk.history')}</Typography.Text>
            <Timeline
              style={{ marginTop: 12 }}
              items={v.history.map((h) => ({
                key: h.id,
                content: (
                  <>
                    <RiskLevelBadge level={h.level} />{' '}
                    <Typography.Text type="secondary">
                      {h.setBy.displayName} · {formatDateTime(h.setAt)}
                    </Typography.Text>
                    {h.reason && (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                        {h.reason}
                      </Typography.Paragraph>
                    )}
                  </>
                ),
              }))}
            />
          </div>
        )}
      </Flex>
      {editing && <RiskLevelDrawer open={editing} view={v} onClose={() => setEditing(false)} />}
    </Card>
  );
}
