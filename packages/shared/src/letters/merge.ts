import { fieldToken, type MergeValues, mergeFieldCodeOf, mergeFieldNames } from './merge-fields';

/** A letter template as a school keeps it: a title line, body paragraphs, signature lines. */
export interface LetterTemplateText {
  title: string;
  body: string;
  signature: string;
}

export interface RenderedParagraph {
  text: string;
  /** 首行缩进两字: body paragraphs; not the salutation (ends with ：) nor 「敬礼！」. */
  indent: boolean;
}

/** One letter ready for a document: centered title, body paragraphs, right-aligned signature lines. */
export interface RenderedLetter {
  title: string;
  paragraphs: RenderedParagraph[];
  signature: string[];
}

const tokenPattern = /\{\{([^{}]*)\}\}/g;

/** The field names a text uses, in order of first use. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(tokenPattern)].map((m) => m[1]!.trim()))];
}

export interface TemplateProblem {
  part: keyof LetterTemplateText;
  /** `unknown`: a `{{…}}` that is no merge field; `unclosed`: a lone `{{` or `}}`. */
  kind: 'unknown' | 'unclosed';
  token: string;
}

/** What is wrong with a template's merge fields; empty when every `{{…}}` is a known field. */
export function templateProblems(template: LetterTemplateText): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const part of ['title', 'body', 'signature'] as const) {
    const text = template[part];
    for (const name of fieldsIn(text))
      if (!mergeFieldNames.includes(name)) problems.push({ part, kind: 'unknown', token: fieldToken(name) });
    const rest = text.replace(tokenPattern, '');
    const lone = /\{\{|\}\}/.exec(rest);
    if (lone) problems.push({ part, kind: 'unclosed', token: lone[0] });
  }
  return problems;
}

/** The message naming a problem and the fields a template may use, in the caller's language. */
export function templateProblemMessage(problem: TemplateProblem, language: 'zh-CN' | 'en'): string {
  const valid = mergeFieldNames.map(fieldToken).join(language === 'en' ? ', ' : '、');
  if (problem.kind === 'unknown')
    return language === 'en'
      ? `Unknown merge field: ${problem.token}. Valid fields: ${valid}`
      : `未知的合并字段：${problem.token}。可用的字段有：${valid}`;
  return language === 'en'
    ? `“${problem.token}” has no partner; write merge fields as {{儿童姓名}}`
    : `「${problem.token}」没有配对，合并字段应写成 {{儿童姓名}} 这样的形式`;
}

const enders = '。！？；!?;';
const closers = '”’」』）)';

/** Splits a paragraph after each 。！？； (with the closing quotes that follow), keeping the marks. */
export function sentencesOf(paragraph: string): string[] {
  const sentences: string[] = [];
  let current = '';
  for (let i = 0; i < paragraph.length; i++) {
    current += paragraph[i];
    if (enders.includes(paragraph[i]!)) {
      while (i + 1 < paragraph.length && closers.includes(paragraph[i + 1]!)) current += paragraph[++i];
      sentences.push(current);
      current = '';
    }
  }
  if (current.trim()) sentences.push(current);
  return sentences;
}

const fieldValue = (values: MergeValues, name: string) => {
  const code = mergeFieldCodeOf.get(name);
  const value = code ? values[code] : null;
  return value === null || value === undefined ? '' : value.trim();
};

/**
 * Fills one sentence; null when a field in it has no value, so the letter never says
 * 「参加了0次活动」 or 「获得了。」: the sentence about a missing fact is left out instead.
 */
function fillSentence(sentence: string, values: MergeValues): string | null {
  let missing = false;
  const filled = sentence.replace(tokenPattern, (_m, raw: string) => {
    const value = fieldValue(values, raw.trim());
    if (!value) missing = true;
    return value;
  });
  return missing ? null : filled;
}

/**
 * Fills a paragraph sentence by sentence. When every sentence with a field was left out, the whole
 * paragraph goes: its other sentences (「请您和监护人多加关注。」) only make sense with those facts.
 */
function fillParagraph(paragraph: string, values: MergeValues): string {
  const sentences = sentencesOf(paragraph).map((s) => ({
    hasField: fieldsIn(s).length > 0,
    filled: fillSentence(s, values),
  }));
  const withFields = sentences.filter((s) => s.hasField);
  if (withFields.length > 0 && withFields.every((s) => s.filled === null)) return '';
  return sentences
    .map((s) => s.filled)
    .filter((s): s is string => s !== null)
    .join('')
    .trim();
}

const unindented = (text: string) => /[：:]$/.test(text) || /^敬礼[！!]?$/.test(text);

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** One child's letter from the template and that child's merge values. */
export function renderLetter(template: LetterTemplateText, values: MergeValues): RenderedLetter {
  return {
    title: fillParagraph(template.title, values),
    paragraphs: linesOf(template.body)
      .map((line) => fillParagraph(line, values))
      .filter(Boolean)
      .map((text) => ({ text, indent: !unindented(text) })),
    signature: linesOf(template.signature)
      .map((line) => fillParagraph(line, values))
      .filter(Boolean),
  };
}
