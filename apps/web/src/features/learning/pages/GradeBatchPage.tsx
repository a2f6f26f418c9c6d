import { type GradeSubject, gradeSubjectLabels, gradeSubjects } from '@shouwang/shared/enums/learning';
import { gradeBatchBody } from '@shouwang/shared/schemas/learning';
import { App, Button, Card, Empty, Flex, InputNumber, Result, Select, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { zodFieldErrors } from '../../../api/form-errors';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { QueryError } from '../../../components/QueryError';
import { useIsMobile } from '../../../hooks/useIsMobile';
import { useSignedInMe } from '../../auth/api';
import { useChildren } from '../../children/api';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';
import { useCurrentTerm, useTerms } from '../../terms/api';
import { useClassGrades, useGradeBatch } from '../api';
import { type CellErrors, GradeGrid, type Scores } from '../components/GradeGrid';

/** 学期成绩录入: class, term and subjects, a row per pupil; saved together or not at all. */
export function GradeBatchPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const mobile = useIsMobile();
  const me = useSignedInMe();
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.orgKind === 'class') seen.set(r.orgId, r.orgName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [me.roles]);
  const [classId, setClassId] = useState(classes[0]?.value);
  const terms = useTerms(classId);
  const current = useCurrentTerm(classId, !!classId);
  const [termId, setTermId] = useState<string>();
  const [subjects, setSubjects] = useState<{ subject: GradeSubject; fullMark: number }[]>([
    { subject: 'chinese', fullMark: 100 },
    { subject: 'math', fullMark: 100 },
  ]);
  const [scores, setScores] = useState<Scores>({});
  const [errors, setErrors] = useState<CellErrors>({});
  const list = useChildren({ classId, page: 1, pageSize: 100 });
  const existing = useClassGrades(classId, termId);
  const batch = useGradeBatch();

  useEffect(() => {
    if (!termId && (current.data || terms.data?.[0])) setTermId(current.data?.id ?? terms.data?.[0]?.id);
  }, [termId, current.data, terms.data]);
  // The scores already saved for this class and term fill the cells.
  useEffect(() => {
    const filled: Scores = {};
    for (const g of existing.data?.items ?? []) filled[g.child.id] = { ...filled[g.child.id], [g.subject]: g.score };
    setScores(filled);
    setErrors({});
  }, [existing.data]);

  if (!classId)
    return <Result status="info" title={t('learning.grades.title')} subTitle={t('learning.grades.noClass')} />;
  const pupils = list.data?.items ?? [];
  const termOptions = (terms.data ?? []).map((term) => ({
    value: term.id,
    label: t('learning.termLabel', { year: term.schoolYear, no: term.termNo }),
  }));

  const rowsOf = () =>
    pupils.flatMap((p) => {
      const entered = Object.fromEntries(
        subjects.flatMap((s) => {
          const v = scores[p.id]?.[s.subject];
          return v === undefined || v === null ? [] : [[s.subject, v]];
        }),
      );
      return Object.keys(entered).length > 0 ? [{ childId: p.id, scores: entered }] : [];
    });

  /** `rows.0.scores.math` → the cell of that pupil and subject. */
  const placeErrors = (rows: { childId: string }[], details: { field?: string; message: string }[]) => {
    const next: CellErrors = {};
    for (const d of details) {
      const m = /^rows\.(\d+)(?:\.scores\.(\w+))?/.exec(d.field ?? '');
      const row = m ? rows[Number(m[1])] : undefined;
      if (!row) continue;
      next[row.childId] = { ...next[row.childId], [(m?.[2] ?? 'row') as GradeSubject | 'row']: d.message };
    }
    setErrors(next);
  };

  const save = async () => {
    const rows = rowsOf();
    if (rows.length === 0) {
      message.warning(t('learning.grades.nothing'));
      return;
    }
    const parsed = gradeBatchBody.safeParse({ classId, termId, subjects, rows });
    if (!parsed.success) {
      placeErrors(
        rows,
        zodFieldErrors(parsed.error, t, i18n.language).map((e) => ({
          field: e.name.join('.'),
          message: e.errors[0] ?? '',
        })),
      );
      return;
    }
    try {
      const result = await batch.mutateAsync(parsed.data);
      setErrors({});
      message.success(t('learning.grades.saved', { count: result.written }));
    } catch (e) {
      if (isApiError(e)) placeErrors(rows, e.details);
    }
  };

  return (
    <>
      <Flex align="center" justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('learning.grades.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {classes.length > 1 && (
            <Select
              value={classId}
              options={classes}
              onChange={(v) => {
                setClassId(v);
                setTermId(undefined);
              }}
              aria-label={t('learning.grades.class')}
              style={{ minWidth: 150 }}
            />
          )}
          <Select
            value={termId}
            options={termOptions}
            onChange={setTermId}
            aria-label={t('learning.grades.term')}
            placeholder={t('learning.grades.term')}
            style={{ minWidth: 190 }}
            data-testid="grade-term"
          />
        </Flex>
      </Flex>
      <Card>
        {terms.data && terms.data.length === 0 ? (
          <Empty description={t('learning.grades.noTerm')} />
        ) : list.isPending ? (
          <Skeleton active />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : pupils.length === 0 ? (
          <Empty description={t('learning.grades.noChildren')} />
        ) : (
          <Flex vertical gap={12}>
            <FormErrorAlert error={batch.error && isApiError(batch.error) ? batch.error : null} />
            <Select
              mode="multiple"
              value={subjects.map((s) => s.subject)}
              options={options(gradeSubjectLabels, gradeSubjects)}
              onChange={(codes: GradeSubject[]) =>
                setSubjects(codes.map((c) => subjects.find((s) => s.subject === c) ?? { subject: c, fullMark: 100 }))
              }
              aria-label={t('learning.grades.subjects')}
              style={{ width: '100%' }}
              data-testid="grade-subjects"
            />
            <Flex gap={16} wrap>
              {subjects.map((s, i) => (
                <Flex key={s.subject} align="center" gap={6}>
                  <Typography.Text>
                    {t('learning.grades.fullMarkOf', { subject: options(gradeSubjectLabels, [s.subject])[0]?.label })}
                  </Typography.Text>
                  <InputNumber
                    min={1}
                    max={1000}
                    value={s.fullMark}
                    onChange={(v) =>
                      setSubjects(
                        subjects.map((x, j) => (j === i ? { ...x, fullMark: typeof v === 'number' ? v : 100 } : x)),
                      )
                    }
                    aria-label={t('learning.grades.fullMarkOf', {
                      subject: options(gradeSubjectLabels, [s.subject])[0]?.label,
                    })}
                    style={{ width: 80 }}
                  />
                </Flex>
              ))}
            </Flex>
            <Typography.Text type="secondary">{t('learning.grades.hint')}</Typography.Text>
            <GradeGrid
              pupils={pupils}
              subjects={subjects}
              scores={scores}
              errors={errors}
              mobile={mobile}
              childLabel={t('learning.grades.child')}
              onChange={(childId, subject, value) => {
                setScores((all) => ({ ...all, [childId]: { ...all[childId], [subject]: value } }));
                setErrors(({ [childId]: _fixed, ...rest }) => rest);
              }}
            />
            <Button
              type="primary"
              size="large"
              block
              style={{ maxWidth: 480 }}
              disabled={!termId || subjects.length === 0}
              loading={batch.isPending}
              onClick={() => void save()}
              data-testid="grade-save"
            >
              {t('learning.grades.save')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
