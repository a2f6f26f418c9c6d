import type { Language } from '../errors';

/** A label per language for each code of a code list. */
export type Label = { zh: string; en: string };
export type LabelMap<T extends string> = Record<T, Label>;

export function labelOf<T extends string>(labels: LabelMap<T>, code: T, language: Language = 'zh-CN'): string {
  const label = labels[code];
  return language === 'en' ? label.en : label.zh;
}

/** The code whose label (zh or en, trimmed) equals `text`; for imports that receive labels. */
export function codeOfLabel<T extends string>(labels: LabelMap<T>, text: string): T | undefined {
  const wanted = text.trim();
  for (const [code, label] of Object.entries(labels) as [T, Label][]) {
    if (label.zh === wanted || label.en === wanted || code === wanted) return code;
  }
  return undefined;
}
