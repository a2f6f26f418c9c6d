import { FilePdfOutlined, FileWordOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { rolePermissions } from '@shouwang/shared/roles';
import { type SummarySection, summarySectionHeadings, summarySections } from '@shouwang/shared/schemas/reports';
import { Alert, App, Button, Card, Empty, Popconfirm, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSignedInMe } from '../../auth/api';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useTerms } from '../../terms/api';
import { summaryExportUrl, useEditSummary, useGenerateSummary, useWorkSummary } from '../api';
import { SummaryParagraphView } from '../components/SummaryParagraphView';

/**
 * 工作总结: the term's summary drafted from the records for a unit — every figure links to the records
 * behind it — edited paragraph by paragraph, then downloaded as Word or PDF.
 */
export function WorkSummaryPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const ownUnit = me.roles.find((r) => rolePermissions[r.role].includes('report.write'))?.orgId;
  const orgId = params.get('org') ?? ownUnit;
  const termId = params.get('term') ?? undefined;
  const terms = useTerms(orgId);
  const summary = useWorkSummary(orgId, termId);
  const generate = useGenerateSummary();
  const edit = useEditSummary();
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const draft = summary.data?.summary ?? null;
  const setParam = (key: 'org' | 'term', value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      if (key === 'org') p.delete('term');
      return p;
    });

  if (!orgId) return <Result status="info" title={t('reports.summary.title')} subTitle={t('reports.noSchool')} />;

  const run = (discardEdits = false) =>
    generate.mutate(
      { orgId, termId: termId ?? draft?.term.id, discardEdits },
      {
        onSuccess: () => message.success(t('reports.summary.generated')),
        onError: (error) => message.error(error.message),
      },
    );
  const download = async (format: 'docx' | 'pdf') => {
    if (!draft) return;
    setDownloading(format);
    try {
      await downloadFile(summaryExportUrl(draft.id, format), i18n.language);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setDownloading(null);
    }
  };
  const saveParagraph = (key: string) => async (text: string | null) => {
    if (!draft) return;
    try {
      await edit.mutateAsync({ id: draft.id, version: draft.version, paragraphs: [{ key, text }] });
      message.success(t('reports.summary.saved'));
    } catch (error) {
      message.error((error as Error).message);
      throw error;
    }
  };
  const edited = draft?.paragraphs.some((p) => p.edited) ?? false;

  return (
    <div>
      <PageHeader
        title={t('reports.summary.title')}
        subtitle={t('reports.summary.subtitle')}
        extra={
          <>
            <OrgTreeSelect
              value={orgId}
              onChange={(id) => setParam('org', id)}
              placeholder={t('reports.unit')}
              style={{ minWidth: 200, maxWidth: '100%' }}
              testId="summary-unit"
            />
            <Select
              value={termId ?? draft?.term.id}
              placeholder={t('reports.term')}
              aria-label={t('reports.term')}
              style={{ minWidth: 180 }}
              loading={terms.isPending}
              options={(terms.data ?? []).map((x) => ({
                value: x.id,
                label: `${x.schoolYear} ${t(`terms.termNo.${x.termNo}`)}`,
              }))}
              onChange={(id: string) => setParam('term', id)}
              data-testid="summary-term"
            />
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {draft
            ? t('reports.summary.draftedAt', { at: new Date(draft.generatedAt).toLocaleString(i18n.language) })
            : t('reports.summary.intro')}
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {draft && edited ? (
            <Popconfirm
              title={t('reports.summary.redraftKeeps')}
              onConfirm={() => run(false)}
              okText={t('reports.summary.redraft')}
            >
              <Button
                type="primary"
                icon={<ThunderboltOutlined />}
                loading={generate.isPending}
                data-testid="summary-generate"
              >
                {t('reports.summary.redraft')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={generate.isPending}
              onClick={() => run(false)}
              data-testid="summary-generate"
            >
              {draft ? t('reports.summary.redraft') : t('reports.summary.generate')}
            </Button>
          )}
          <Button
            icon={<FileWordOutlined />}
            disabled={!draft}
            loading={downloading === 'docx'}
            onClick={() => download('docx')}
            data-testid="summary-docx"
          >
            {t('reports.summary.docx')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!draft}
            loading={downloading === 'pdf'}
            onClick={() => download('pdf')}
            data-testid="summary-pdf"
          >
            {t('reports.summary.pdf')}
          </Button>
        </div>
      </Card>
      {summary.isPending ? (
        <Skeleton active />
      ) : summary.isError ? (
        isApiError(summary.error) && summary.error.code === 'TERM_NOT_SET' ? (
          <Result status="info" title={t('reports.noTerm')} />
        ) : (
          <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
        )
      ) : !draft ? (
        <Empty description={t('reports.summary.empty')} />
      ) : (
        <Card data-testid="summary-draft">
          <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="summary-title">
            {draft.title}
          </Typography.Title>
          {draft.paragraphs.some((p) => p.pending) && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reports.summary.pendingNote')} />
          )}
          {summarySections.map((section: SummarySection) => (
            <section key={section}>
              <Typography.Title level={5}>{summarySectionHeadings[section]}</Typography.Title>
              {draft.paragraphs
                .filter((p) => p.section === section)
                .map((p) => (
                  <SummaryParagraphView
                    key={p.key}
                    paragraph={p}
                    saving={edit.isPending}
                    onSave={saveParagraph(p.key)}
                  />
                ))}
            </section>
          ))}
        </Card>
      )}
    </div>
  );
}
