import type { SummaryParagraph } from '../schemas/reports';
import { basicSection } from './basic';
import { type DraftContext, type LinkOf, ParagraphDraft, unitWords } from './draft';
import type { SummaryFigures } from './figures';
import { measuresSection } from './measures';
import { problemsSection, resultsSection } from './outcomes';
import { termName } from './phrasing';

export { type LinkOf, unitWords } from './draft';
export * from './figures';
export * from './phrasing';

/** 《XX学校2026年秋季学期关爱留守儿童工作总结》 (without the brackets). */
export const summaryTitle = (f: Pick<SummaryFigures, 'unit' | 'term'>) =>
  `${f.unit.name}${termName(f.term)}关爱留守儿童工作总结`;

/**
 * Drafts the work summary from the figures: 一、基本情况, 二、主要工作措施, 三、取得成效,
 * 四、存在问题与下一步打算. Pure: the same figures always give the same text.
 */
export function draftWorkSummary(f: SummaryFigures, linkOf: LinkOf): { title: string; paragraphs: SummaryParagraph[] } {
  const context: DraftContext = {
    f,
    words: unitWords(f.unit.kind),
    seed: f.unit.id,
    paragraph: (key, section, heading) => new ParagraphDraft(key, section, heading, linkOf),
  };
  const paragraphs = [
    ...basicSection(context),
    ...measuresSection(context),
    ...resultsSection(context),
    ...problemsSection(context),
  ].filter((p) => p.text.length > 0);
  return { title: summaryTitle(f), paragraphs };
}
