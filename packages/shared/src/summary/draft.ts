import type { SummaryFigure, SummaryLink, SummaryParagraph, SummarySection } from '../schemas/reports';
import type { SummaryFigureKey, SummaryFigures } from './figures';

/** How the draft names the unit: "我校" in a school's own report, "全县" in a county's. */
export interface UnitWords {
  /** The unit speaking of itself. */
  self: string;
  /** The unit as an organiser ("学校", "村（社区）"). */
  body: string;
  /** Who does the daily care there. */
  carers: string;
}

export function unitWords(kind: string): UnitWords {
  switch (kind) {
    case 'school':
      return { self: '我校', body: '学校', carers: '班主任和帮扶教师' };
    case 'class':
      return { self: '本班', body: '班级', carers: '班主任和帮扶教师' };
    case 'village':
      return { self: '本村（社区）', body: '村（社区）', carers: '儿童主任和代理家长' };
    case 'township':
      return { self: '全镇（街道）', body: '镇（街道）', carers: '各校教师和村（社区）儿童主任' };
    default:
      return { self: '全县', body: '县', carers: '各校教师和村（社区）儿童主任' };
  }
}

export type LinkOf = (key: SummaryFigureKey) => SummaryLink | null;

/** Collects a paragraph's sentences and the figures they quote. */
export class ParagraphDraft {
  private readonly parts: string[] = [];
  readonly figures: SummaryFigure[] = [];
  pending = false;

  constructor(
    readonly key: string,
    readonly section: SummarySection,
    readonly heading: string | null,
    private readonly linkOf: LinkOf,
  ) {}

  /** The figure as it reads (`12名`), remembered with its drill-down link, in the order of the text. */
  fig(key: SummaryFigureKey, value: number, text: string): string {
    if (!this.figures.some((f) => f.key === key && f.text === text))
      this.figures.push({ key, text, value, link: this.linkOf(key) });
    return text;
  }

  say(sentence: string): this {
    if (sentence) this.parts.push(sentence);
    return this;
  }

  /** The module behind the paragraph has no records to draw on yet. */
  notYet(sentence: string): this {
    this.pending = true;
    return this.say(sentence);
  }

  done(): SummaryParagraph {
    const text = this.parts.join('');
    return {
      key: this.key,
      section: this.section,
      heading: this.heading,
      generated: text,
      text,
      edited: false,
      figures: this.figures,
      pending: this.pending,
    };
  }
}

export interface DraftContext {
  f: SummaryFigures;
  words: UnitWords;
  /** Seeds the choice among equivalent openings. */
  seed: string;
  paragraph(key: string, section: SummarySection, heading: string | null): ParagraphDraft;
}
