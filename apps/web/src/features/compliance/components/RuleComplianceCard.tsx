import type { ComplianceChildrenResponse } from '@shouwang/shared/schemas/compliance';
import type { ComplianceResponse } from '@shouwang/shared/schemas/todos';
import { Card, Flex, Progress, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRuleLabels } from '../../care-rules/rule-labels';
import { OverdueChildrenList } from './OverdueChildrenList';

type RuleTally = ComplianceResponse['rules'][number];
type RuleChildren = ComplianceChildrenResponse['rules'][number] | undefined;

const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);

/** One care rule: its 完成率 over the ended periods, the running ones apart, and who is behind. */
export function RuleComplianceCard({
  rule,
  behind,
  loadingChildren,
}: {
  rule: RuleTally;
  behind: RuleChildren;
  loadingChildren: boolean;
}) {
  const { t } = useTranslation();
  const labels = useRuleLabels();
  const { ended, current } = rule;
  const color =
    ended.rate === null ? undefined : ended.rate >= 0.9 ? '#52c41a' : ended.rate >= 0.6 ? '#faad14' : '#ff4d4f';
  return (
    <Card
      size="small"
      data-testid="compliance-rule"
      title={`${labels.frequency(rule.frequency)} · ${labels.kind(rule.kind)}`}
      extra={<Typography.Text type="secondary">{labels.responsible(rule)}</Typography.Text>}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      <Flex gap={16} align="center">
        <Progress
          type="circle"
          size={84}
          percent={percent(ended.rate)}
          strokeColor={color}
          format={() => (ended.rate === null ? '—' : `${percent(ended.rate)}%`)}
        />
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text data-testid="compliance-ended">
            {ended.due === 0
              ? t('careAdmin.compliance.nothingEnded')
              : t('careAdmin.compliance.ended', { done: ended.done, due: ended.due })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="compliance-current">
            {current.due === 0
              ? t('careAdmin.compliance.nothingRunning')
              : t('careAdmin.compliance.current', { done: current.done, due: current.due })}
          </Typography.Text>
        </Flex>
      </Flex>
      {loadingChildren ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <OverdueChildrenList items={behind?.children ?? []} />
      )}
    </Card>
  );
}
