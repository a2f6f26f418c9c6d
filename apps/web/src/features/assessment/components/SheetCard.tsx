import type { AssessmentSheet } from '@shouwang/shared/schemas/assessment';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SheetMetrics } from './SheetMetrics';

/** One staff member's sheet as a card: phones, and a staff member's own sheet. */
export function SheetCard({ sheet, onScore }: { sheet: AssessmentSheet; onScore?: (sheet: AssessmentSheet) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`sheet-${sheet.displayName}`}
      title={
        <Flex gap={8} align="center" wrap>
          {sheet.rank !== null && <Tag color="gold">{t('reports.assessment.rankValue', { rank: sheet.rank })}</Tag>}
          <span>{sheet.displayName}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {sheet.roles.map((r) => t(`reports.assessment.role.${r}`, { defaultValue: r })).join('、')}
          </Typography.Text>
        </Flex>
      }
      extra={
        onScore &&
        sheet.abilities.score && (
          <Button size="small" onClick={() => onScore(sheet)} data-testid={`score-open-${sheet.displayName}`}>
            {t('reports.assessment.score')}
          </Button>
        )
      }
    >
      <SheetMetrics sheet={sheet} />
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Typography.Text>
          {t('reports.assessment.rubricTotal')}：
          <strong>{sheet.rubricTotal ?? t('reports.assessment.notScored')}</strong>
        </Typography.Text>
        <Typography.Text>
          {t('reports.assessment.total')}：<strong>{sheet.total ?? '—'}</strong>
        </Typography.Text>
      </Flex>
      {sheet.comment && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('reports.assessment.comment')}：{sheet.comment}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
