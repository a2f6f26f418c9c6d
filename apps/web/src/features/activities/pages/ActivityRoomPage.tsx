import { roomDoingLabels } from '@shouwang/shared/enums/activities';
import { Card, Col, Flex, List, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useOrgs } from '../../orgs/api';
import { useRoom } from '../api';
import { RoomSchedule } from '../components/RoomSchedule';
import { RoomVisitForm } from '../components/RoomVisitForm';
import { useLabel } from '../labels';

/** 留守儿童之家: opening hours with the duty teacher, quick visit entry, and recent visits. */
export function ActivityRoomPage() {
  const { t } = useTranslation();
  const label = useLabel();
  const orgs = useOrgs({ kind: 'school,village' });
  const units = useMemo(
    () => (orgs.data ?? []).filter((o) => o.active && (o.kind === 'school' || o.kind === 'village')),
    [orgs.data],
  );
  const [choice, setChoice] = useState<string>();
  const orgId = choice ?? units[0]?.id;
  const room = useRoom(orgId);

  return (
    <>
      <PageHeader
        title={t('activities.room.title')}
        subtitle={t('activities.room.intro')}
        extra={
          units.length > 1 && (
            <Select
              value={orgId}
              onChange={setChoice}
              aria-label={t('activities.room.unit')}
              style={{ minWidth: 200 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
            />
          )
        }
      />
      {!orgId ? (
        orgs.isPending ? (
          <Skeleton active />
        ) : (
          <EmptyState description={t('activities.room.noRoomUnits')} />
        )
      ) : room.isPending ? (
        <Skeleton active />
      ) : room.isError ? (
        <QueryError error={room.error} onRetry={() => void room.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Flex vertical gap={16}>
              <RoomSchedule room={room.data} orgId={orgId} />
              <RoomVisitForm orgId={orgId} />
            </Flex>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('activities.room.visits')}>
              {room.data.visits.length === 0 ? (
                <Typography.Text type="secondary">{t('activities.room.noVisits')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  data-testid="room-visits"
                  dataSource={room.data.visits}
                  renderItem={(v) => (
                    <List.Item>
                      <Flex justify="space-between" style={{ width: '100%' }} gap={8} wrap>
                        <Typography.Text strong>{v.child.name}</Typography.Text>
                        <Typography.Text type="secondary">
                          {v.visitedOn} ·{' '}
                          {v.doings.map((d) => label(roomDoingLabels, d)).join(t('common.listSeparator'))}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
