import { z } from 'zod';
import { multiLine, uuid, version } from './common';

/**
 * 工作总结: the term-end work summary drafted from the records for a unit (school, village, township
 * or county). Paragraphs are generated, each with the figures it quotes; staff edit any paragraph
 * before exporting (.docx, PDF). Regenerating keeps edited paragraphs unless asked not to.
 */

export const summarySections = ['basic', 'measures', 'results', 'problems'] as const;
export type SummarySection = (typeof summarySections)[number];

/** 一、基本情况 … 四、存在问题与下一步打算 */
export const summarySectionHeadings: Record<SummarySection, string> = {
  basic: '一、基本情况',
  measures: '二、主要工作措施',
  results: '三、取得成效',
  problems: '四、存在问题与下一步打算',
};

/** Where a figure leads: a page of the web app with its filters (the drill-down). */
export const summaryLink = z.object({
  path: z.string(),
  query: z.record(z.string(), z.string()),
});
export type SummaryLink = z.infer<typeof summaryLink>;

export const summaryFigure = z.object({
  key: z.string(),
  /** The words the figure appears as in the generated text (`12名`, `95.0%`). */
  text: z.string(),
  value: z.number(),
  link: summaryLink.nullable(),
});
export type SummaryFigure = z.infer<typeof summaryFigure>;

export const summaryParagraph = z.object({
  /** Stable across regeneration: `basic.children`, `measures.pairing` … */
  key: z.string(),
  section: z.enum(summarySections),
  /** A numbered sub-heading (`1、结对帮扶，落实责任`) or null for a plain paragraph. */
  heading: z.string().nullable(),
  generated: z.string(),
  /** What will be exported: the staff's edit, or the generated text. */
  text: z.string(),
  edited: z.boolean(),
  figures: z.array(summaryFigure),
  /** The module feeding the paragraph has no data source yet (no fake numbers). */
  pending: z.boolean(),
});
export type SummaryParagraph = z.infer<typeof summaryParagraph>;

export const workSummaryView = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  term: z.object({
    id: z.string(),
    schoolYear: z.string(),
    termNo: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
  }),
  title: z.string(),
  paragraphs: z.array(summaryParagraph),
  generatedAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type WorkSummaryView = z.infer<typeof workSummaryView>;

export const workSummaryQuery = z.strictObject({ orgId: uuid, termId: uuid.optional() });
export const workSummaryFindResponse = z.object({ summary: workSummaryView.nullable() });

export const workSummaryGenerateBody = z.strictObject({
  orgId: uuid,
  termId: uuid.optional(),
  /** Throw away the staff's edits and redraft every paragraph. */
  discardEdits: z.boolean().optional(),
});

export const workSummaryEditBody = z.strictObject({
  version,
  title: z.string().trim().min(1).max(120).optional(),
  /** Paragraphs to change by key; `text: null` goes back to the generated text. */
  paragraphs: z
    .array(z.strictObject({ key: z.string().min(1).max(80), text: multiLine(4000).nullable() }))
    .max(100)
    .default([]),
});

export const workSummaryExportQuery = z.strictObject({ format: z.enum(['docx', 'pdf']).default('docx') });
