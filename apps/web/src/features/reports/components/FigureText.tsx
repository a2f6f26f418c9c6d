import type { SummaryFigure } from '@shouwang/shared/schemas/reports';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A paragraph's text with each quoted figure turned into a link to the records
 * behind it: the children list filtered, the dashboard's drill-down, the compliance page.
 */
export function FigureText({ text, figures }: { text: string; figures: SummaryFigure[] }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  // Figures come in the order the draft quotes them; each links its next appearance.
  let cursor = 0;
  for (const figure of figures) {
    if (!figure.link || !figure.text) continue;
    const at = text.indexOf(figure.text, cursor);
    if (at < 0) continue;
    if (at > cursor) parts.push(text.slice(cursor, at));
    const href = `${figure.link.path}?${new URLSearchParams(figure.link.query)}`;
    parts.push(
      <Tooltip key={`${figure.key}@${at}`} title={t('reports.summary.drillDown')}>
        <Link to={href} className="summary-figure" data-testid={`figure-${figure.key}`}>
          {figure.text}
        </Link>
      </Tooltip>,
    );
    cursor = at + figure.text.length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
