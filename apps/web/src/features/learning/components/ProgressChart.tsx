import { type GradeSubject, gradeSubjectLabels } from '@shouwang/shared/enums/learning';
import type { ProgressView } from '@shouwang/shared/schemas/learning';
import { Flex, theme } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCodeLabels } from '../../children/hooks/useCodeLabels';

/** ECharts' default colours, so the curves look like the dashboard's charts. */
const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
const height = 270;
const margin = { left: 36, right: 16, top: 28, bottom: 40 };

interface Series {
  name: string;
  color: string;
  width: number;
  values: (number | null)[];
}

/**
 * 进步曲线: each subject's score (as % of its full mark) across terms, plus the average, drawn as a
 * small SVG. (It was an ECharts chart: 176 KB gzip of ECharts made the child page the one route over
 * issue 8's 700 KB; a few lines and points need none of it.) Hovering a point names its figure.
 */
export function ProgressChart({ progress }: { progress: ProgressView }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const { token } = theme.useToken();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  // The tab may open at zero width (phones, tab motion): follow the container's size.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);

  const terms = progress.terms;
  const subjects = [...new Set(terms.flatMap((term) => term.scores.map((s) => s.subject)))] as GradeSubject[];
  const series: Series[] = [
    ...subjects.map((subject, i) => ({
      name: label(gradeSubjectLabels, subject),
      color: palette[i % palette.length]!,
      width: 2,
      values: terms.map((term) => term.scores.find((s) => s.subject === subject)?.percent ?? null),
    })),
    { name: t('learning.average'), color: token.colorText, width: 4, values: terms.map((term) => term.averagePercent) },
  ];
  const termLabels = terms.map((term) => t('learning.termLabel', { year: term.schoolYear, no: term.termNo }));

  const plotWidth = Math.max(0, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = (i: number) => margin.left + (terms.length > 1 ? (plotWidth * i) / (terms.length - 1) : plotWidth / 2);
  const y = (percent: number) => margin.top + plotHeight * (1 - Math.min(100, Math.max(0, percent)) / 100);
  // Long term labels on a phone: every other one when they would not fit.
  const labelEvery = plotWidth / Math.max(1, terms.length - 1) < 90 ? 2 : 1;

  return (
    <div data-testid="progress-chart">
      <div ref={ref} style={{ width: '100%', height }}>
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-label={t('learning.progress')}>
            <text x={4} y={10} fontSize={11} fill={token.colorTextSecondary}>
              {t('learning.percent')}
            </text>
            {[0, 20, 40, 60, 80, 100].map((p) => (
              <g key={p}>
                <line
                  x1={margin.left}
                  x2={margin.left + plotWidth}
                  y1={y(p)}
                  y2={y(p)}
                  stroke={token.colorBorderSecondary}
                />
                <text x={margin.left - 6} y={y(p) + 4} fontSize={11} textAnchor="end" fill={token.colorTextSecondary}>
                  {p}
                </text>
              </g>
            ))}
            {termLabels.map((text, i) =>
              i % labelEvery === 0 || i === terms.length - 1 ? (
                <text
                  key={text}
                  x={x(i)}
                  y={height - margin.bottom + 18}
                  fontSize={11}
                  textAnchor={
                    terms.length > 1 && i === 0 ? 'start' : i === terms.length - 1 && i > 0 ? 'end' : 'middle'
                  }
                  fill={token.colorTextSecondary}
                >
                  {text}
                </text>
              ) : null,
            )}
            {series.map((s) => {
              // Gaps (a subject not graded one term) are bridged, as before.
              const points = s.values.flatMap((v, i) => (v === null ? [] : [{ i, v }]));
              return (
                <g key={s.name}>
                  <polyline
                    points={points.map((p) => `${x(p.i)},${y(p.v)}`).join(' ')}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={s.width}
                    strokeLinejoin="round"
                  />
                  {points.map((p) => (
                    <circle
                      key={p.i}
                      cx={x(p.i)}
                      cy={y(p.v)}
                      r={s.width + 1.5}
                      fill="#fff"
                      stroke={s.color}
                      strokeWidth={2}
                    >
                      <title>{`${termLabels[p.i]} · ${s.name}：${p.v}%`}</title>
                    </circle>
                  ))}
                </g>
              );
            })}
          </svg>
        )}
      </div>
      <Flex wrap gap="4px 14px" justify="center" style={{ fontSize: 12, color: token.colorTextSecondary }}>
        {series.map((s) => (
          <Flex key={s.name} align="center" gap={6}>
            <span
              style={{ width: 16, height: s.width, background: s.color, borderRadius: 2, display: 'inline-block' }}
            />
            {s.name}
          </Flex>
        ))}
      </Flex>
    </div>
  );
}
