import { careLevelLabels } from '@shouwang/shared/enums/children';
import { Drawer, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { type Drill, kpiChildrenExportUrl, type StatsScope, useKpiChildren } from '../api';
import { ExportButton } from './ExportButton';

/** The children behind a figure (missing from it, or counted in it), each linking to the archive. */
export function KpiChildrenDrawer({
  scope,
  drill,
  title,
  onChange,
  onClose,
}: {
  scope: StatsScope;
  drill: Drill | null;
  title: string;
  onChange: (drill: Drill) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [shown, setShown] = useState(drill);
  // A new figure starts at its first page.
  if (shown !== drill) {
    setShown(drill);
    setPage(1);
  }
  const list = useKpiChildren(scope, drill, page);
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 560}
      title={drill ? t(`stats.drawer.${drill.part}`, { kpi: title }) : ''}
      data-testid="kpi-children"
      extra={
        drill && (
          <ExportButton
            url={kpiChildrenExportUrl(scope, drill)}
            label={t('stats.drawer.exportList')}
            testId="export-children"
          />
        )
      }
    >
      {drill && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Segmented
            value={drill.part}
            onChange={(part) => onChange({ ...drill, part: part as Drill['part'] })}
            options={[
              { value: 'missing', label: t('stats.drawer.showMissing') },
              { value: 'numerator', label: t('stats.drawer.showNumerator') },
            ]}
          />
          <Typography.Text type="secondary">
            {t('stats.drawer.total', { count: list.data?.total ?? 0 })}
          </Typography.Text>
        </Flex>
      )}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('stats.drawer.empty') }}
          pagination={
            (list.data?.total ?? 0) > 20
              ? { current: page, pageSize: 20, total: list.data?.total, onChange: setPage, size: 'small' }
              : false
          }
          renderItem={(child) => (
            <List.Item data-testid="kpi-child">
              <List.Item.Meta
                title={
                  <Flex gap={8} wrap align="center">
                    <Link to={`/children/${child.id}`}>{child.name}</Link>
                    {child.careLevel !== 'general' && (
                      <Tag color="orange">{label(careLevelLabels, child.careLevel)}</Tag>
                    )}
                  </Flex>
                }
                description={
                  <>
                    <div>{[child.schoolName, child.className, child.villageName].filter(Boolean).join(' · ')}</div>
                    {child.reason && <Typography.Text type="danger">{child.reason}</Typography.Text>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
