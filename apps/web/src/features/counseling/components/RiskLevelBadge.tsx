import { type RiskLevel, riskLevelLabels } from '@shouwang/shared/enums/wellbeing';
import { Tag } from 'antd';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

const colors: Record<RiskLevel, string> = { low: 'green', medium: 'gold', high: 'orange', crisis: 'red' };

export function RiskLevelBadge({ level }: { level: RiskLevel }) {
  const { label } = useCodeLabels();
  return (
    <Tag color={colors[level]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="risk-level">
      {label(riskLevelLabels, level)}
    </Tag>
  );
}
