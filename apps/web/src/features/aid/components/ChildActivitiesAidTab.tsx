import { TrophyOutlined } from '@ant-design/icons';
import { type ActivityType, activityTypeLabels, participantRoleLabels } from '@shouwang/shared/enums/activities';
import { Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useLabel } from '../../activities/labels';
import { useChildActivitiesAid } from '../api';
import { AidLine } from './AidCard';

/** The child page's 活动与资助 tab: activities with role and award, room visits, and aid received. */
export function ChildActivitiesAidTab({ child }: { child: { id: string } }) {
  const { t } = useTranslation();
  const label = useLabel();
  const data = useChildActivitiesAid(child.id);
  if (data.isPending) return <Skeleton active />;
  if (data.isError) return <QueryError error={data.error} onRetry={() => void data.refetch()} />;
  const { activities, aid, roomVisits } = data.data;
  return (
    <Flex vertical gap={16} data-testid="child-activities-aid">
      <Card
        size="small"
        title={t('activities.childTab.activities')}
        extra={
          roomVisits > 0 && (
            <Typography.Text type="secondary">
              {t('activities.childTab.roomVisits', { count: roomVisits })}
            </Typography.Text>
          )
        }
      >
        {activities.length === 0 ? (
          <Typography.Text type="secondary">{t('activities.childTab.noActivities')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={activities}
            renderItem={(a) => (
              <List.Item>
                <Flex vertical style={{ width: '100%' }}>
                  <Flex gap={6} align="center" wrap>
                    <Tag color="blue" style={{ margin: 0 }}>
                      {label(activityTypeLabels, a.type as ActivityType)}
                    </Tag>
                    <Typography.Text strong>{a.title}</Typography.Text>
                    {a.award && (
                      <Tag icon={<TrophyOutlined />} color="gold" style={{ margin: 0 }}>
                        {a.award}
                      </Tag>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.occurredOn} · {label(participantRoleLabels, a.role)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('activities.childTab.aid')}>
        {aid.length === 0 ? (
          <Typography.Text type="secondary">{t('activities.childTab.noAid')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={aid}
            renderItem={(a) => (
              <List.Item>
                <AidLine aid={a} showChild={false} />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
