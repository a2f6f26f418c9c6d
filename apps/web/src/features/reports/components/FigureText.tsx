import type { SummaryFigure } from '@shouwang/shared/schemas/reports';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A paragraph's text with each quoted figure (its first appearance) turned into a link to the records
 * behind it: the children list filtered, the dashboard's drill-down, the compliance page.
 */
export function FigureText({ text, figures }: { text: string; figures: SummaryFigure[] }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let rest = text;
  let index = 0;
  const linked = figures.filter((f) => f.link && f.text);
  while (rest.length > 0) {
    let best: { at: number; figure: SummaryFigure } | null = null;
    for (const f of linked) {
      const at = rest.indexOf(f.text);
      if (at >= 0 && (!best || at < best.at)) best = { at, figure: f };
    }
    if (!best) {
      parts.push(rest);
      break;
    }
    const { at, figure } = best;
    if (at > 0) parts.push(rest.slice(0, at));
    const href = `${figure.link!.path}?${new URLSearchParams(figure.link!.query)}`;
    parts.push(
      <Tooltip key={index++} title={t('reports.summary.drillDown')}>
        <Link to={href} className="summary-figure" data-testid={`figure-${figure.key}`}>
          {figure.text}
        </Link>
      </Tooltip>,
    );
    rest = rest.slice(at + figure.text.length);
  }
  return <>{parts}</>;
}
