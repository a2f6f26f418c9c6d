import { DeleteOutlined } from '@ant-design/icons';
import type { PledgeView } from '@shouwang/shared/schemas/pledges';
import { App, Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeletePledge } from '../api';

const stateColors = { open: 'blue', due: 'orange', reviewed: 'green' } as const;
const resultColors = { kept: 'green', partly_kept: 'gold', not_kept: 'red' } as const;
const text = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const, margin: '2px 0 8px' };

/** One pledge: what, how, by when, and the review (or the button to review it). */
export function PledgeCard({ pledge, onReview }: { pledge: PledgeView; onReview: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const remove = useDeletePledge(pledge.childId);
  const f = (key: string) => t(`wellbeing.pledges.fields.${key}`);
  const p = pledge;
  const confirmDelete = () =>
    modal.confirm({
      title: t('wellbeing.pledges.confirmDelete'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      onOk: () => remove.mutateAsync(p).catch((e: Error) => message.error(e.message)),
    });
  return (
    <Card size="small" data-testid="pledge-card">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Flex gap={6} align="center" wrap>
          <Tag color={stateColors[p.reviewState]}>{t(`wellbeing.pledges.state.${p.reviewState}`)}</Tag>
          <Typography.Text type="secondary">
            {p.signedOn} · {t('wellbeing.pledges.deadlineOn', { date: p.deadline })}
          </Typography.Text>
        </Flex>
        <Flex gap={6}>
          {p.abilities.review && (
            <Button
              size="small"
              type={p.reviewState === 'due' ? 'primary' : 'default'}
              onClick={onReview}
              data-testid="pledge-review-open"
            >
              {t('wellbeing.pledges.review')}
            </Button>
          )}
          {p.abilities.delete && (
            <Button
              size="small"
              type="text"
              icon={<DeleteOutlined />}
              onClick={confirmDelete}
              aria-label={t('common.delete')}
            />
          )}
        </Flex>
      </Flex>
      <Typography.Text strong>{f('shortcomings')}</Typography.Text>
      <p style={text}>{p.shortcomings}</p>
      <Typography.Text strong>{f('commitments')}</Typography.Text>
      <p style={text}>{p.commitments}</p>
      <Typography.Text strong>{f('measures')}</Typography.Text>
      <p style={text}>{p.measures}</p>
      {p.review && (
        <div style={{ background: '#f6ffed', borderRadius: 6, padding: '8px 10px' }}>
          <Flex gap={8} align="center" wrap>
            <Tag color={resultColors[p.review.result]}>{t(`wellbeing.pledges.results.${p.review.result}`)}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('wellbeing.pledges.reviewedBy', {
                name: p.review.reviewedBy?.displayName ?? '',
                date: p.review.reviewedOn,
              })}
            </Typography.Text>
          </Flex>
          {p.review.note && <p style={{ ...text, margin: '6px 0 0' }}>{p.review.note}</p>}
        </div>
      )}
    </Card>
  );
}
