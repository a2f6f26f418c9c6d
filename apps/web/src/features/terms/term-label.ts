import type { TermView } from '@shouwang/shared/schemas/terms';
import type { TFunction } from 'i18next';

/** 2026-2027学年 第一学期 */
export function termLabel(t: TFunction, term: Pick<TermView, 'schoolYear' | 'termNo'>): string {
  return t('terms.label', { year: term.schoolYear, term: t(`terms.termNo.${term.termNo === 2 ? 2 : 1}`) });
}
