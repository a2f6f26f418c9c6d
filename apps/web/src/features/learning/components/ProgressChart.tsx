import { type GradeSubject, gradeSubjectLabels } from '@shouwang/shared/enums/learning';
import type { ProgressView } from '@shouwang/shared/schemas/learning';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

/**
 * 进步曲线: each subject's score (as % of its full mark) across terms, plus the average. ECharts
 * comes through `echarts/core` with the line chart only (./progress-echarts), loaded when the chart
 * first shows, so the sign-in bundle does not carry it.
 */
export function ProgressChart({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    void (async () => {
      const { echarts } = await import('./progress-echarts');
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current);
      const terms = progress.terms;
      const subjects = [...new Set(terms.flatMap((term) => term.scores.map((s) => s.subject)))] as GradeSubject[];
      const termLabels = terms.map((term) => t('learning.termLabel', { year: term.schoolYear, no: term.termNo }));
      chart.setOption({
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
        legend: { bottom: 0, type: 'scroll' },
        grid: { left: 40, right: 16, top: 24, bottom: 56 },
        xAxis: { type: 'category', data: termLabels, axisLabel: { interval: 0, fontSize: 11 } },
        yAxis: { type: 'value', min: 0, max: 100, name: t('learning.percent'), nameTextStyle: { align: 'left' } },
        series: [
          ...subjects.map((subject) => ({
            name: label(gradeSubjectLabels, subject),
            type: 'line' as const,
            connectNulls: true,
            data: terms.map((term) => term.scores.find((s) => s.subject === subject)?.percent ?? null),
          })),
          {
            name: t('learning.average'),
            type: 'line' as const,
            lineStyle: { width: 4 },
            data: terms.map((term) => term.averagePercent),
          },
        ],
      });
      // The tab may open at zero width (phones, tab motion): follow the container's size.
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    })();
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [progress, t, label]);

  return (
    <div
      ref={ref}
      style={{ width: '100%', height: 300 }}
      data-testid="progress-chart"
      role="img"
      aria-label={t('learning.progress')}
    />
  );
}
