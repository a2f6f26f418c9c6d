import { concernCategoryLabels, concernSeverityLabels } from '@shouwang/shared/enums/wellbeing';
import type { ConcernView } from '@shouwang/shared/schemas/concerns';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { ConcernDue, ConcernStatusTag } from './ConcernBadges';

/** One concern in a list: child, category, status and deadline; opens the detail drawer. */
export function ConcernCard({ concern: c, onOpen }: { concern: ConcernView; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(c.id)}
      data-testid="concern-card"
      style={c.overdue ? { borderColor: '#ff7875' } : undefined}
    >
      <Flex vertical gap={6}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {c.child ? c.child.name : t('concerns.unnamedChild', { school: c.school?.name ?? '' })}
          </Typography.Text>
          <ConcernStatusTag status={c.status} />
        </Flex>
        <Flex gap={6} wrap>
          <Tag>{label(concernCategoryLabels, c.category)}</Tag>
          <Tag color={c.severity === 'urgent' ? 'red' : c.severity === 'serious' ? 'orange' : undefined}>
            {label(concernSeverityLabels, c.severity)}
          </Tag>
        </Flex>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {c.description}
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.reporter.displayName} · {formatDateTime(c.createdAt)}
        </Typography.Text>
        <ConcernDue concern={c} />
      </Flex>
    </Card>
  );
}
