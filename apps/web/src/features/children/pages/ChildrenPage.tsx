import {
  DeleteOutlined,
  FileExcelOutlined,
  PlusOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { sexLabels } from '@shouwang/shared/enums/children';
import type { ChildListItem } from '@shouwang/shared/schemas/children';
import { App, Button, Card, Flex, Pagination, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useDrawerState } from '../../../hooks/useDrawerState';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { type ChildFilters, useChildren, useRestoreChild } from '../api';
import { childPlacement } from '../child-placement';
import { ChildCard } from '../components/ChildCard';
import { ChildCategoryTags } from '../components/ChildCategoryTags';
import { ChildExportButton } from '../components/ChildExportButton';
import { ChildFilterBar } from '../components/ChildFilterBar';
import { ChildFlags } from '../components/ChildFlags';
import { ChildFormDrawer } from '../components/ChildFormDrawer';
import { CompletenessBadge } from '../components/CompletenessBadge';
import { ContactCardPdfButton } from '../components/ContactCardPdfButton';
import { useCodeLabels } from '../hooks/useCodeLabels';

// Importing is occasional: its drawer (upload, report table) downloads when first opened.
const ChildImportDrawer = lazy(async () => ({
  default: (await import('../components/ChildImportDrawer')).ChildImportDrawer,
}));

const urlFilters = ['schoolId', 'classId', 'villageId', 'category', 'careLevel', 'enrollmentStatus', 'q'] as const;
const urlFlags = ['incomplete', 'parentUnreachable', 'noEntrustment'] as const;

/** The list filters a link may carry in its query string (`?schoolId=…&category=…&incomplete=true`). */
function filtersFromUrl(params: URLSearchParams): Partial<ChildFilters> {
  const out: Record<string, string | boolean> = {};
  for (const key of urlFilters) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  for (const key of urlFlags) if (params.get(key) === 'true') out[key] = true;
  return out as Partial<ChildFilters>;
}

/** 儿童档案: the children in the user's care, filtered and searched on the server, in pinyin order. */
export function ChildrenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const me = useSignedInMe();
  const { label } = useCodeLabels();
  const [params] = useSearchParams();
  // Drill-downs (a work-summary figure, a dashboard tile) open the list already filtered.
  const [filters, setFilters] = useState<ChildFilters>(() => ({ page: 1, pageSize: 20, ...filtersFromUrl(params) }));
  const children = useChildren(filters);
  const createDrawer = useDrawerState<null>();
  const importDrawer = useDrawerState<null>();
  const { message } = App.useApp();
  const restore = useRestoreChild();
  const canWrite = me.permissions.includes('child.write');
  const filter = (change: Partial<ChildFilters>) => setFilters((f) => ({ ...f, ...change, page: 1 }));

  const data = children.data;
  const { page: _p, pageSize: _s, deleted, ...rest } = filters;
  const filtered = Object.values(rest).some(Boolean);
  const restoreButton = (child: ChildListItem) =>
    child.abilities.restore && (
      <Button
        icon={<UndoOutlined />}
        size={isMobile ? 'large' : 'middle'}
        loading={restore.isPending && restore.variables?.id === child.id}
        onClick={(e) => {
          e.stopPropagation();
          restore.mutate(child, {
            onSuccess: () => message.success(t('children.confirm.restored')),
            onError: (err) => message.error(err.message),
          });
        }}
        data-testid={`child-restore-${child.name}`}
      >
        {t('children.actions.restore')}
      </Button>
    );
  const createButton = canWrite && !deleted && (
    <Button
      type="primary"
      size={isMobile ? 'large' : 'middle'}
      icon={<PlusOutlined />}
      onClick={() => createDrawer.open(null)}
      data-testid="child-create"
    >
      {t('children.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={deleted ? t('children.recycleBin') : t('children.title')}
        subtitle={deleted ? undefined : t('children.subtitle')}
        extra={
          <>
            {createButton}
            {canWrite && !deleted && (
              <Button
                size={isMobile ? 'large' : 'middle'}
                icon={<FileExcelOutlined />}
                onClick={() => importDrawer.open(null)}
                data-testid="child-import-open"
              >
                {t('children.import.open')}
              </Button>
            )}
            {!deleted && (filters.classId || filters.villageId) && (
              <ContactCardPdfButton
                url={`/api/orgs/${filters.classId ?? filters.villageId}/contact-cards.pdf`}
                label={t('children.contactCard.printSheet')}
                size={isMobile ? 'large' : 'middle'}
                testId="contact-cards-pdf"
              />
            )}
            {!deleted && (data?.total ?? 0) > 0 && (
              <ChildExportButton
                filters={filters}
                canReadIdNumbers={me.permissions.includes('child.read_id_number')}
                size={isMobile ? 'large' : 'middle'}
              />
            )}
            {canWrite && (
              <Button
                size={isMobile ? 'large' : 'middle'}
                icon={deleted ? <UnorderedListOutlined /> : <DeleteOutlined />}
                onClick={() => filter({ deleted: deleted ? undefined : true })}
                data-testid="child-recycle-bin"
              >
                {deleted ? t('children.backToList') : t('children.recycleBin')}
              </Button>
            )}
          </>
        }
      />
      <ChildFilterBar filters={filters} onChange={filter} />

      {children.isPending ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : children.isError ? (
        <Card>
          <QueryError error={children.error} onRetry={() => children.refetch()} />
        </Card>
      ) : data && data.items.length === 0 ? (
        <Card>
          <EmptyState
            description={
              deleted
                ? t('children.emptyDeleted')
                : filtered
                  ? t('children.emptyFiltered')
                  : canWrite
                    ? t('children.empty')
                    : t('children.emptyReadOnly')
            }
            action={!filtered && createButton}
          />
        </Card>
      ) : isMobile ? (
        <Flex vertical gap={10} data-testid="child-list">
          <Typography.Text type="secondary">{t('children.total', { count: data?.total ?? 0 })}</Typography.Text>
          {data?.items.map((child) => (
            <ChildCard key={child.id} child={child} action={deleted ? restoreButton(child) || undefined : undefined} />
          ))}
          <Pagination
            simple
            align="center"
            current={filters.page}
            pageSize={filters.pageSize}
            total={data?.total ?? 0}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        </Flex>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<ChildListItem>
            rowKey="id"
            data-testid="child-list"
            loading={children.isFetching && !children.isPending}
            dataSource={data?.items}
            onRow={(child) =>
              deleted ? {} : { onClick: () => navigate(`/children/${child.id}`), style: { cursor: 'pointer' } }
            }
            pagination={{
              current: filters.page,
              pageSize: filters.pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('children.total', { count: total }),
              onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
            }}
            columns={[
              {
                title: t('children.fields.name'),
                render: (_, child) => (
                  <div>
                    {deleted ? (
                      <Typography.Text strong>{child.name}</Typography.Text>
                    ) : (
                      <Link to={`/children/${child.id}`} onClick={(e) => e.stopPropagation()}>
                        <Typography.Text strong>{child.name}</Typography.Text>
                      </Link>
                    )}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {[
                        label(sexLabels, child.sex),
                        child.age != null ? t('children.ageYears', { count: child.age }) : '',
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('children.fields.idNumber'),
                render: (_, child) =>
                  child.idNumberMasked ?? (
                    <Typography.Text type="secondary">{t('children.idNumber.none')}</Typography.Text>
                  ),
              },
              { title: t('children.fields.placement'), render: (_, child) => childPlacement(child) },
              {
                title: t('children.fields.categories'),
                width: 240,
                render: (_, child) => <ChildCategoryTags categories={child.categories} />,
              },
              {
                title: t('children.fields.completeness'),
                render: (_, child) => (
                  <CompletenessBadge complete={child.archiveComplete} missingCount={child.missingCount} />
                ),
              },
              { title: t('children.fields.flags'), render: (_, child) => <ChildFlags child={child} /> },
              ...(deleted
                ? [{ title: t('common.actions'), render: (_: unknown, child: ChildListItem) => restoreButton(child) }]
                : []),
            ]}
          />
        </Card>
      )}

      {importDrawer.state && (
        <Suspense fallback={null}>
          <ChildImportDrawer key={importDrawer.state.key} open={importDrawer.state.open} onClose={importDrawer.close} />
        </Suspense>
      )}
      {createDrawer.state && (
        <ChildFormDrawer
          key={createDrawer.state.key}
          open={createDrawer.state.open}
          child={null}
          onClose={createDrawer.close}
          onSaved={(child) => navigate(`/children/${child.id}`)}
        />
      )}
    </>
  );
}
