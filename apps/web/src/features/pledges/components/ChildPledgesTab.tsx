import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PledgeView } from '@shouwang/shared/schemas/pledges';
import { App, Button, Card, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { QueryError } from '../../../components/QueryError';
import { useChildPledges, useDeleteSelfEvaluation } from '../api';
import { PledgeCard } from './PledgeCard';
import { PledgeFormDrawer } from './PledgeFormDrawer';
import { PledgeReviewDrawer } from './PledgeReviewDrawer';
import { SelfEvaluationForm } from './SelfEvaluationForm';

/** 承诺与自评: the child's pledges with their reviews, and self-evaluations with a quick add. */
export function ChildPledgesTab({ child }: { child: { id: string } }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const data = useChildPledges(child.id);
  const removeSelf = useDeleteSelfEvaluation(child.id);
  const [adding, setAdding] = useState(false);
  const [reviewing, setReviewing] = useState<PledgeView | null>(null);
  const [addingSelf, setAddingSelf] = useState(false);
  const w = (key: string, opts?: Record<string, unknown>) => t(`wellbeing.pledges.${key}`, opts);

  if (data.isPending) return <Skeleton active />;
  if (data.isError) return <QueryError error={data.error} onRetry={() => data.refetch()} />;
  const { pledges, selfEvaluations, abilities } = data.data;

  return (
    <Flex vertical gap={20}>
      <section>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {w('pledgesTitle')}
          </Typography.Title>
          {abilities.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="pledge-add">
              {w('add')}
            </Button>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 10px' }}>
          {w('pledgesHint')}
        </Typography.Paragraph>
        {pledges.length === 0 ? (
          <EmptyState description={w('empty')} />
        ) : (
          <Flex vertical gap={10}>
            {pledges.map((p) => (
              <PledgeCard key={p.id} pledge={p} onReview={() => setReviewing(p)} />
            ))}
          </Flex>
        )}
      </section>

      <section>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {w('selfTitle')}
          </Typography.Title>
          {abilities.create && !addingSelf && (
            <Button icon={<PlusOutlined />} onClick={() => setAddingSelf(true)} data-testid="self-evaluation-add">
              {w('selfAdd')}
            </Button>
          )}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 10px' }}>
          {w('selfHint')}
        </Typography.Paragraph>
        {addingSelf && (
          <Card size="small" style={{ marginBottom: 10 }}>
            <SelfEvaluationForm childId={child.id} onDone={() => setAddingSelf(false)} />
          </Card>
        )}
        {selfEvaluations.length === 0 ? (
          !addingSelf && <EmptyState description={w('selfEmpty')} />
        ) : (
          <List
            bordered
            size="small"
            style={{ background: '#fff' }}
            dataSource={selfEvaluations}
            renderItem={(e) => (
              <List.Item data-testid="self-evaluation" style={{ display: 'block' }}>
                <Flex gap={6} align="center" wrap>
                  <Tag>{w(`aspects.${e.aspect}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {e.evaluatedOn}
                  </Typography.Text>
                  {e.abilities.delete && (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      style={{ marginLeft: 'auto' }}
                      onClick={() =>
                        modal.confirm({
                          title: w('confirmDeleteSelf'),
                          okText: t('common.delete'),
                          okButtonProps: { danger: true },
                          onOk: () => removeSelf.mutateAsync(e).catch((err: Error) => message.error(err.message)),
                        })
                      }
                    />
                  )}
                </Flex>
                <p style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: '6px 0 0' }}>{e.content}</p>
                {e.gaps && (
                  <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {w('selfFields.gaps')}：{e.gaps}
                  </Typography.Paragraph>
                )}
              </List.Item>
            )}
          />
        )}
      </section>

      <PledgeFormDrawer childId={child.id} open={adding} onClose={() => setAdding(false)} />
      {reviewing && <PledgeReviewDrawer pledge={reviewing} onClose={() => setReviewing(null)} />}
    </Flex>
  );
}
