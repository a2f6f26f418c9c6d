import { PlusOutlined } from '@ant-design/icons';
import type { StudyPlanView } from '@shouwang/shared/schemas/learning';
import { Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/QueryError';
import { useProgress, useStudyPlans } from '../api';
import { ProgressChart } from './ProgressChart';
import { StudyPlanCard } from './StudyPlanCard';
import { StudyPlanDrawer } from './StudyPlanDrawer';

/** The child page's 学习帮扶 tab: study plans, the progress chart across terms, what helped. */
export function ChildLearningTab({
  child,
  canWrite,
}: {
  child: { id: string; name: string; schoolId: string | null };
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const plans = useStudyPlans(child.id);
  const progress = useProgress(child.id);
  const [editing, setEditing] = useState<StudyPlanView | 'new' | null>(null);

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('learning.progress')} data-testid="progress-card">
        {progress.isPending ? (
          <Skeleton active />
        ) : progress.isError ? (
          <QueryError error={progress.error} onRetry={() => void progress.refetch()} />
        ) : progress.data.terms.length < 2 ? (
          <Typography.Text type="secondary">{t('learning.progressEmpty')}</Typography.Text>
        ) : (
          <ProgressChart progress={progress.data} />
        )}
        {progress.data && progress.data.notes.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('learning.helpedNotes')}</Typography.Text>}
            dataSource={progress.data.notes}
            renderItem={(n) => (
              <List.Item style={{ paddingInline: 0 }} data-testid="what-helped-note">
                {n.whatHelped}
              </List.Item>
            )}
          />
        )}
      </Card>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('learning.plans')}
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="plan-add">
            {t('learning.addPlan')}
          </Button>
        )}
      </Flex>
      {plans.isPending ? (
        <Skeleton active />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Empty description={t('learning.noPlans')} />
      ) : (
        plans.data.items.map((p) => <StudyPlanCard key={p.id} plan={p} onEdit={() => setEditing(p)} />)
      )}
      {editing && (
        <StudyPlanDrawer child={child} plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
