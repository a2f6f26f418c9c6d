import { type GradeSubject, gradeSubjectLabels } from '@shouwang/shared/enums/learning';
import { Card, Flex, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

export type Scores = Record<string, Partial<Record<GradeSubject, number | null>>>;
export type CellErrors = Record<string, Partial<Record<GradeSubject | 'row', string>>>;

/** The score cells: a table row per pupil on desktops, a card per pupil on phones. */
export function GradeGrid({
  pupils,
  subjects,
  scores,
  errors,
  onChange,
  mobile,
  childLabel,
}: {
  pupils: { id: string; name: string }[];
  subjects: { subject: GradeSubject; fullMark: number }[];
  scores: Scores;
  errors: CellErrors;
  onChange: (childId: string, subject: GradeSubject, value: number | null) => void;
  mobile: boolean;
  childLabel: string;
}) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const heading = (s: { subject: GradeSubject; fullMark: number }) =>
    t('learning.grades.column', { subject: label(gradeSubjectLabels, s.subject), full: s.fullMark });
  const columns = `minmax(90px, 1.2fr) repeat(${subjects.length}, minmax(90px, 1fr))`;
  const cell = (pupilId: string, name: string, s: { subject: GradeSubject; fullMark: number }, i: number) => (
    <InputNumber
      key={s.subject}
      value={scores[pupilId]?.[s.subject] ?? null}
      onChange={(v) => onChange(pupilId, s.subject, typeof v === 'number' ? v : null)}
      inputMode="decimal"
      step={1}
      placeholder={mobile ? undefined : `/${s.fullMark}`}
      aria-label={`${name} ${label(gradeSubjectLabels, s.subject)}`}
      status={errors[pupilId]?.[s.subject] ? 'error' : undefined}
      style={{ width: '100%' }}
      data-testid={`grade-${s.subject}-${i}`}
    />
  );
  const errorLine = (pupilId: string, i: number) => {
    const messages = Object.entries(errors[pupilId] ?? {}).map(([k, m]) =>
      k === 'row' ? m : `${label(gradeSubjectLabels, k as GradeSubject)}：${m}`,
    );
    return messages.length > 0 ? (
      <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`grade-error-${i}`}>
        {messages.join('；')}
      </Typography.Text>
    ) : null;
  };

  if (mobile)
    return (
      <Flex vertical gap={10}>
        {pupils.map((p, i) => (
          <Card key={p.id} size="small" styles={{ body: { padding: 12 } }} data-testid={`grade-row-${i}`}>
            <Typography.Text strong>{p.name}</Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, marginTop: 8 }}>
              {subjects.map((s) => (
                <Flex key={s.subject} vertical gap={2}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {heading(s)}
                  </Typography.Text>
                  {cell(p.id, p.name, s, i)}
                </Flex>
              ))}
            </div>
            {errorLine(p.id, i)}
          </Card>
        ))}
      </Flex>
    );

  return (
    <div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: columns,
          gap: 8,
          padding: '8px 0',
          fontWeight: 600,
          borderBottom: '1px solid rgba(5,5,5,0.12)',
        }}
      >
        <span>{childLabel}</span>
        {subjects.map((s) => (
          <span key={s.subject}>{heading(s)}</span>
        ))}
      </div>
      {pupils.map((p, i) => (
        <div
          key={p.id}
          style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', padding: '8px 0' }}
          data-testid={`grade-row-${i}`}
        >
          <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, alignItems: 'center' }}>
            <Typography.Text strong ellipsis>
              {p.name}
            </Typography.Text>
            {subjects.map((s) => cell(p.id, p.name, s, i))}
          </div>
          {errorLine(p.id, i)}
        </div>
      ))}
    </div>
  );
}
