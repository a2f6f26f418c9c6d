import { DownloadOutlined } from '@ant-design/icons';
import type { AssessmentSheet } from '@shouwang/shared/schemas/assessment';
import { App, Button, Flex, Result, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { SchoolSelect, useSchoolChoice } from '../../orgs/components/SchoolSelect';
import { useTerms } from '../../terms/api';
import { assessmentExportUrl, useAssessments, useOwnSheet } from '../api';
import { ScoreDrawer } from '../components/ScoreDrawer';
import { SheetCard } from '../components/SheetCard';

const percent = (n: number | null) => (n === null ? '—' : `${Math.floor(n * 1000) / 10}%`);

/**
 * 工作考核: the school's staff ranked by metrics from the records and the rubric the administrators
 * score; staff without the right to read every sheet see their own.
 */
export function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const isMobile = useIsMobile();
  const choice = useSchoolChoice();
  const { schoolId } = choice;
  const [params, setParams] = useSearchParams();
  const termId = params.get('term') ?? undefined;
  const terms = useTerms(schoolId);
  const readAll = me.permissions.includes('assessment.read');
  const list = useAssessments(schoolId, termId, readAll);
  const own = useOwnSheet(me.user.id, schoolId, termId, !readAll);
  const [scoring, setScoring] = useState<AssessmentSheet | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = readAll ? list : own;
  const term = query.data?.term;

  if (choice.loading) return <Skeleton active />;
  if (!schoolId) return <Result status="info" title={t('reports.assessment.title')} subTitle={t('reports.noSchool')} />;

  const exportXlsx = async () => {
    if (!term) return;
    setExporting(true);
    try {
      await downloadFile(assessmentExportUrl(schoolId, term.id), i18n.language);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setExporting(false);
    }
  };

  const columns = [
    { title: t('reports.assessment.rank'), dataIndex: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
    { title: t('reports.assessment.name'), dataIndex: 'displayName' },
    {
      title: t('reports.assessment.paired'),
      key: 'paired',
      render: (_: unknown, s: AssessmentSheet) => s.metrics.childrenPaired,
    },
    {
      title: t('reports.assessment.talks'),
      key: 'talks',
      render: (_: unknown, s: AssessmentSheet) => `${s.metrics.talksDone} / ${s.metrics.talksDue}`,
    },
    {
      title: t('reports.assessment.visits'),
      key: 'visits',
      render: (_: unknown, s: AssessmentSheet) => `${s.metrics.visitsDone} / ${s.metrics.visitsDue}`,
    },
    {
      title: t('reports.assessment.completion'),
      key: 'completion',
      render: (_: unknown, s: AssessmentSheet) => percent(s.metrics.completion),
    },
    {
      title: t('reports.assessment.followUps'),
      key: 'followUps',
      render: (_: unknown, s: AssessmentSheet) =>
        `${s.metrics.followUpsClosed} / ${s.metrics.followUpsClosed + s.metrics.followUpsOpen}`,
    },
    {
      title: t('reports.assessment.records'),
      key: 'records',
      render: (_: unknown, s: AssessmentSheet) => s.metrics.records,
    },
    { title: t('reports.assessment.metricPoints'), dataIndex: 'metricPoints' },
    {
      title: t('reports.assessment.rubricTotal'),
      dataIndex: 'rubricTotal',
      render: (v: number | null) =>
        v ?? <Typography.Text type="secondary">{t('reports.assessment.notScored')}</Typography.Text>,
    },
    { title: t('reports.assessment.total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, s: AssessmentSheet) =>
        s.abilities.score && (
          <Button size="small" onClick={() => setScoring(s)} data-testid={`score-open-${s.displayName}`}>
            {t('reports.assessment.score')}
          </Button>
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('reports.assessment.title')}
        subtitle={readAll ? t('reports.assessment.subtitle') : t('reports.assessment.ownSubtitle')}
        extra={
          <>
            <SchoolSelect choice={choice} />
            <Select
              value={termId ?? term?.id}
              placeholder={t('reports.term')}
              aria-label={t('reports.term')}
              style={{ minWidth: 180 }}
              loading={terms.isPending}
              options={(terms.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.schoolYear} ${t(`terms.termNo.${x.termNo}`)}`,
              }))}
              onChange={(id: string) =>
                setParams((p) => {
                  p.set('term', id);
                  return p;
                })
              }
              data-testid="assessment-term"
            />
            {readAll && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                disabled={!term}
                onClick={exportXlsx}
                data-testid="assessment-export"
              >
                {t('reports.assessment.export')}
              </Button>
            )}
          </>
        }
      />
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        isApiError(query.error) && query.error.code === 'TERM_NOT_SET' ? (
          <Result status="info" title={t('reports.noTerm')} />
        ) : isApiError(query.error) && query.error.code === 'NOT_FOUND' && !readAll ? (
          <Result status="info" title={t('reports.assessment.noOwnSheet')} />
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : list.data && readAll ? (
        isMobile ? (
          <Flex vertical gap={12}>
            {list.data.items.map((s) => (
              <SheetCard key={s.userId} sheet={s} onScore={setScoring} />
            ))}
          </Flex>
        ) : (
          <Table
            rowKey="userId"
            size="middle"
            columns={columns}
            dataSource={list.data.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="assessment-table"
          />
        )
      ) : own.data ? (
        <SheetCard sheet={own.data.sheet} />
      ) : null}
      {term && <ScoreDrawer sheet={scoring} schoolId={schoolId} termId={term.id} onClose={() => setScoring(null)} />}
    </div>
  );
}
