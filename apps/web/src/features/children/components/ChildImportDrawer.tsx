import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ChildImportReport, ChildSheetFormat } from '@shouwang/shared/schemas/children-excel';
import { Alert, Button, Flex, List, Radio, Result, Statistic, Table, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { FormDrawer } from '../../../components/FormDrawer';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useImportChildren } from '../api';

/**
 * Excel import in three steps: download the template, upload a filled file for a dry run that
 * lists every problem by row and column, then commit (all rows or none).
 */
export function ChildImportDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [format, setFormat] = useState<ChildSheetFormat>('shouwang');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ChildImportReport | null>(null);
  const run = useImportChildren();
  const error = isApiError(run.error) ? run.error : null;
  // On a phone the report is below the upload box: bring it into view when it arrives.
  const reportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report) reportRef.current?.scrollIntoView({ block: 'start' });
  }, [report]);

  const check = (picked: File) => {
    setFile(picked);
    setReport(null);
    run.mutate({ file: picked, mode: 'dry-run', format }, { onSuccess: setReport });
  };
  const commit = () => file && run.mutate({ file, mode: 'commit', format }, { onSuccess: setReport });

  const done = report?.committed === true;
  const ready = report && !done && report.problems.length === 0 && report.rows > 0;

  return (
    <FormDrawer open={open} title={t('children.import.title')} onClose={onClose} testId="child-import">
      {done ? (
        <Result
          status="success"
          title={t('children.import.done')}
          subTitle={t('children.import.summary', {
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
          })}
          extra={
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          }
          data-testid="child-import-done"
        />
      ) : (
        <>
          <Typography.Title level={5}>{t('children.import.step1')}</Typography.Title>
          <Radio.Group
            value={format}
            onChange={(e) => {
              setFormat(e.target.value);
              setReport(null);
            }}
            style={{ marginBottom: 8 }}
          >
            <Flex vertical gap={4}>
              <Radio value="shouwang">{t('children.import.formats.shouwang')}</Radio>
              <Radio value="mca">{t('children.import.formats.mca')}</Radio>
            </Flex>
          </Radio.Group>
          <div style={{ marginBottom: 20 }}>
            <Button
              icon={<DownloadOutlined />}
              href={`/api/children/import-template.xlsx?format=${format}`}
              data-testid="child-import-template"
            >
              {t('children.import.template')}
            </Button>
          </div>

          <Typography.Title level={5}>{t('children.import.step2')}</Typography.Title>
          <div style={{ marginBottom: 16 }}>
            <Upload.Dragger
              height={200}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              disabled={run.isPending}
              beforeUpload={(picked) => {
                check(picked);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{file ? file.name : t('children.import.pick')}</p>
              <p className="ant-upload-hint">{t('children.import.pickHint')}</p>
            </Upload.Dragger>
          </div>
          <FormErrorAlert error={error} />

          {run.isPending && <Alert type="info" showIcon title={t('children.import.checking')} />}
          {report && !run.isPending && (
            <div data-testid="child-import-report" ref={reportRef}>
              <Flex gap={24} wrap style={{ marginBottom: 12 }}>
                <Statistic title={t('children.import.rows')} value={report.rows} />
                <Statistic title={t('children.import.willCreate')} value={report.created} />
                <Statistic title={t('children.import.willUpdate')} value={report.updated} />
                <Statistic title={t('children.import.unchanged')} value={report.unchanged} />
              </Flex>
              {report.ignoredColumns.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('children.import.ignored', {
                    columns: report.ignoredColumns.join(t('common.listSeparator')),
                  })}
                />
              )}
              {report.problems.length > 0 ? (
                <>
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={t('children.import.problems', { count: report.problems.length })}
                    description={t('children.import.problemsHint')}
                  />
                  {isMobile ? (
                    <List
                      size="small"
                      bordered
                      dataSource={report.problems}
                      renderItem={(p) => (
                        <List.Item>
                          <div>
                            <Typography.Text strong>
                              {t('children.import.at', { row: p.row, column: p.column ?? '' })}
                            </Typography.Text>
                            <div>{p.message}</div>
                          </div>
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Table
                      size="small"
                      rowKey={(p) => `${p.row}-${p.cell ?? ''}-${p.message}`}
                      dataSource={report.problems}
                      pagination={{ pageSize: 50, hideOnSinglePage: true }}
                      columns={[
                        { title: t('children.import.row'), dataIndex: 'row', width: 64 },
                        {
                          title: t('children.import.column'),
                          render: (_, p) => [p.cell, p.column].filter(Boolean).join(' ') || '—',
                          width: 140,
                        },
                        { title: t('children.import.problem'), dataIndex: 'message' },
                      ]}
                    />
                  )}
                </>
              ) : report.rows === 0 ? (
                <Alert type="warning" showIcon title={t('children.import.empty')} />
              ) : (
                <Alert type="success" showIcon title={t('children.import.clean', { count: report.rows })} />
              )}
              {report.warnings.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginTop: 12 }}
                  data-testid="child-import-warnings"
                  title={t('children.import.warnings', { count: report.warnings.length })}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {report.warnings.slice(0, 50).map((w) => (
                        <li key={`${w.row}-${w.message}`}>
                          {t('children.import.at', { row: w.row, column: w.column ?? '' })}：{w.message}
                        </li>
                      ))}
                      {report.warnings.length > 50 && (
                        <li>{t('children.import.moreWarnings', { count: report.warnings.length - 50 })}</li>
                      )}
                    </ul>
                  }
                />
              )}
              {ready && (
                <Button
                  type="primary"
                  block
                  size="large"
                  style={{ marginTop: 16 }}
                  loading={run.isPending}
                  onClick={commit}
                  data-testid="child-import-commit"
                >
                  {t('children.import.commit', { count: report.rows })}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </FormDrawer>
  );
}
