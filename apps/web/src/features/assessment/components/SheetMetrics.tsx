import type { AssessmentSheet } from '@shouwang/shared/schemas/assessment';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

const percent = (n: number | null) => (n === null ? '—' : `${Math.floor(n * 1000) / 10}%`);

/** The computed part of a sheet: done against due, pairings, follow-ups, records. */
export function SheetMetrics({ sheet }: { sheet: AssessmentSheet }) {
  const { t } = useTranslation();
  const m = sheet.metrics;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 3 }}
      items={[
        { key: 'paired', label: t('reports.assessment.paired'), children: m.childrenPaired },
        { key: 'talks', label: t('reports.assessment.talks'), children: `${m.talksDone} / ${m.talksDue}` },
        { key: 'visits', label: t('reports.assessment.visits'), children: `${m.visitsDone} / ${m.visitsDue}` },
        { key: 'other', label: t('reports.assessment.other'), children: `${m.otherDone} / ${m.otherDue}` },
        { key: 'completion', label: t('reports.assessment.completion'), children: percent(m.completion) },
        {
          key: 'followUps',
          label: t('reports.assessment.followUps'),
          children:
            m.followUpsClosed + m.followUpsOpen === 0
              ? t('reports.assessment.noFollowUps')
              : t('reports.assessment.followUpsValue', { closed: m.followUpsClosed, open: m.followUpsOpen }),
        },
        { key: 'records', label: t('reports.assessment.records'), children: m.records },
        { key: 'points', label: t('reports.assessment.metricPoints'), children: sheet.metricPoints },
      ]}
    />
  );
}
