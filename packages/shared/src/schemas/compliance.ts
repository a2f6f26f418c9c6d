import { z } from 'zod';
import { uuid } from './common';

/**
 * Who is behind a school's 完成率: per care rule, the children with an ended period (of the term,
 * up to today) that has no matching record, and which periods those are.
 */
export const complianceChildrenQuery = z.object({ orgId: uuid, termId: uuid.optional(), ruleId: uuid.optional() });
export type ComplianceChildrenQuery = z.infer<typeof complianceChildrenQuery>;

export const complianceChildrenResponse = z.object({
  schoolId: z.string(),
  termId: z.string(),
  asOf: z.string(),
  rules: z.array(
    z.object({
      ruleId: z.string(),
      children: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          className: z.string().nullable(),
          /** The ended periods without a record, oldest first. */
          missed: z.array(z.object({ start: z.string(), end: z.string() })),
        }),
      ),
    }),
  ),
});
export type ComplianceChildrenResponse = z.infer<typeof complianceChildrenResponse>;
