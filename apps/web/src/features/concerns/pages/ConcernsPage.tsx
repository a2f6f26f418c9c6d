import { Col, Pagination, Row, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { useConcerns } from '../api';
import { ConcernCard } from '../components/ConcernCard';
import { ConcernDrawer } from '../components/ConcernDrawer';

type Filter = 'mine' | 'open' | 'all';

/** 强制报告: the concerns the user raised, handles or oversees; open ones first by deadline. */
export function ConcernsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  // “For me” only means something to those who handle or oversee concerns; reporters see their own.
  const filters: Filter[] = me.permissions.some((p) => p === 'concern.handle' || p === 'concern.oversee')
    ? ['open', 'mine', 'all']
    : ['open', 'all'];
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  // The open concern lives in the address, so a link from a to-do or a reload keeps it.
  const [params, setParams] = useSearchParams();
  const openId = params.get('id');
  const list = useConcerns({ open: filter === 'open', actionable: filter === 'mine', page });

  return (
    <>
      <PageHeader title={t('concerns.title')} subtitle={t('concerns.subtitle')} />
      <Segmented
        value={filter}
        onChange={(v) => {
          setFilter(v as Filter);
          setPage(1);
        }}
        options={filters.map((f) => ({ value: f, label: t(`concerns.filters.${f}`) }))}
        style={{ marginBottom: 16 }}
        data-testid="concern-filter"
      />
      {list.isPending && <Skeleton active />}
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState description={t('concerns.empty')} />}
      {list.data && list.data.items.length > 0 && (
        <>
          <Row gutter={[12, 12]}>
            {list.data.items.map((c) => (
              <Col key={c.id} xs={24} md={12} xl={8}>
                <ConcernCard concern={c} onOpen={(id) => setParams({ id })} />
              </Col>
            ))}
          </Row>
          {list.data.total > list.data.pageSize && (
            <Pagination
              style={{ marginTop: 16, textAlign: 'center' }}
              current={page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          )}
        </>
      )}
      <ConcernDrawer id={openId} onClose={() => setParams({})} />
    </>
  );
}
