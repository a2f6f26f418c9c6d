import { BarChartOutlined, TableOutlined } from '@ant-design/icons';
import { Card, Empty, Segmented, Table, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/charts/EChart';
import { ExportButton } from './ExportButton';

/**
 * A dashboard card: the chart, or the same figures as a table (for reading exact numbers and for
 * screen readers), and an export of that statistic to .xlsx.
 */
export function ChartCard<Row extends object>({
  id,
  title,
  option,
  columns,
  rows,
  rowKey,
  exportUrl,
  height,
  header,
  onChartClick,
}: {
  id: string;
  title: string;
  option: EChartsCoreOption;
  columns: TableColumnsType<Row>;
  rows: Row[];
  rowKey: (row: Row) => string;
  exportUrl: string;
  height?: number;
  /** A line above the chart and the table (e.g. the population it counts). */
  header?: ReactNode;
  onChartClick?: (item: { name: string; seriesName?: string; dataIndex: number }) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={`card-${id}`}
      styles={{ header: { flexWrap: 'wrap', gap: 8 }, body: { minHeight: 120 } }}
      extra={
        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', icon: <BarChartOutlined />, title: t('stats.chart') },
              { value: 'table', icon: <TableOutlined />, title: t('stats.table') },
            ]}
            data-testid={`view-${id}`}
          />
          <ExportButton
            url={exportUrl}
            label={`${t('stats.export')}：${title}`}
            iconOnly
            type="text"
            testId={`export-${id}`}
          />
        </span>
      }
    >
      {header}
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stats.none')} />
      ) : view === 'chart' ? (
        <EChart option={option} height={height} label={title} testId={`chart-${id}`} onClick={onChartClick} />
      ) : (
        <Table<Row>
          size="small"
          columns={columns}
          dataSource={rows}
          rowKey={rowKey}
          pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
          // Rows are flat: a unit's `children` is a count, not antd's nested rows (the table crashed on it).
          expandable={{ childrenColumnName: 'nestedRows' }}
          scroll={{ x: 'max-content' }}
          data-testid={`table-${id}`}
        />
      )}
    </Card>
  );
}
