import type { DashboardResponse } from '@shouwang/shared/schemas/stats';
import { Card, Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Drill } from '../api';

export const standingColor = { met: '#389e0d', below: '#cf1322', none: '#8c8c8c' } as const;
export const percentText = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

type Tile = {
  key: string;
  drill: Drill;
  label: string;
  hint: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  target: number;
  standing: 'met' | 'below' | 'none';
};

/** One tile per KPI: rate, fraction, target; green when met, red when below. A click opens the children behind it. */
export function KpiTiles({ data, onDrill }: { data: DashboardResponse; onDrill: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const tiles: Tile[] = data.kpis.map((k) => ({
    ...k,
    drill: { kpi: k.key, part: 'missing' },
    label: t(`stats.kpi.${k.key}`),
    hint: t(`stats.kpiHint.${k.key}`),
  }));
  const done = data.compliance.reduce((s, c) => s + c.numerator, 0);
  const due = data.compliance.reduce((s, c) => s + c.denominator, 0);
  if (data.compliance.length > 0) {
    const rate = due === 0 ? null : done / due;
    const target = data.compliance[0]!.target;
    tiles.push({
      key: 'compliance',
      drill: { kpi: 'compliance', part: 'missing' },
      label: t('stats.kpi.compliance'),
      hint: t('stats.kpiHint.compliance'),
      numerator: done,
      denominator: due,
      rate,
      target,
      standing: rate === null ? 'none' : Math.round(rate * 10_000) >= target * 100 ? 'met' : 'below',
    });
  }
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {tiles.map((tile) => (
        <Col key={tile.key} xs={12} md={8} xl={{ flex: `${100 / tiles.length}%` }}>
          <Card
            hoverable
            size="small"
            onClick={() => onDrill(tile.drill)}
            data-testid={`kpi-${tile.key}`}
            data-standing={tile.standing}
            style={{ borderTop: `4px solid ${standingColor[tile.standing]}`, height: '100%' }}
          >
            <Tooltip title={tile.hint}>
              <Typography.Text type="secondary">{tile.label}</Typography.Text>
            </Tooltip>
            <div style={{ fontSize: 28, fontWeight: 600, color: standingColor[tile.standing], lineHeight: 1.3 }}>
              {percentText(tile.rate)}
            </div>
            <Flex wrap gap={4} justify="space-between" align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('stats.fraction', { numerator: tile.numerator, denominator: tile.denominator })}
              </Typography.Text>
              <Tag color={tile.standing === 'met' ? 'success' : tile.standing === 'below' ? 'error' : 'default'}>
                {tile.standing === 'none' ? t('stats.none') : t(`stats.${tile.standing}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('stats.target', { target: tile.target })}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
