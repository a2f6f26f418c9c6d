/**
 * Numbers → natural Chinese for the work summary. Figures are written with Arabic numerals as the
 * seed reports do ("185名学生", "12人"); a zero is never written as a count ("0名"): callers pass
 * the sentence to use for zero, one and many, and `vary` picks among equivalent openings.
 */

export interface Ratio {
  numerator: number;
  denominator: number;
}

/** `95.2%`, `100%`; null when nothing was counted. */
export function percent(r: Ratio | null | undefined): string | null {
  if (!r || r.denominator === 0) return null;
  if (r.numerator >= r.denominator) return '100%';
  const value = Math.floor((r.numerator / r.denominator) * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** 甲 / 甲和乙 / 甲、乙和丙 */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}

/**
 * The zero, one or many form of a sentence; `many` receives the count. Forms that quote a figure are
 * functions, so only the form used records its figure.
 */
export function byCount(
  n: number,
  forms: { zero: string | (() => string); one?: string | (() => string); many: (n: number) => string },
): string {
  const text = (form: string | (() => string)) => (typeof form === 'function' ? form() : form);
  if (n <= 0) return text(forms.zero);
  if (n === 1 && forms.one !== undefined) return text(forms.one);
  return forms.many(n);
}

/** A stable small hash of a string (FNV-1a), so one unit's draft always reads the same. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One of several equivalent phrasings, chosen by the seed and the slot so paragraphs open differently. */
export function vary(seed: string, slot: string, options: readonly string[]): string {
  return options[stableHash(`${seed}:${slot}`) % options.length]!;
}

/** `2026年秋季学期` (first term of 2026-2027) or `2027年春季学期` (second term). */
export function termName(term: { schoolYear: string; termNo: number }): string {
  const first = Number(term.schoolYear.slice(0, 4));
  return term.termNo === 1 ? `${first}年秋季学期` : `${first + 1}年春季学期`;
}

/** Removes any accidental count of zero ("0名…", "0次…") — a last guard, tested on every draft. */
export const hasZeroCount = (text: string) => /(^|[^\d.])0(名|人|次|项|起|个|所|位|条|元)/.test(text);
