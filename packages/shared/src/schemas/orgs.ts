import { z } from 'zod';
import { orgKinds } from '../roles';
import { abilities, singleLine, uuid, version } from './common';

export const orgKind = z.enum(orgKinds);

export const orgCreateBody = z.strictObject({
  parentId: uuid.nullable(),
  kind: orgKind,
  name: singleLine(60),
  /** 行政区划代码 or school code; optional. */
  code: singleLine(20).nullish(),
  /** Enrolled students of a school or class (全校学生数), used by statistics. */
  studentCount: z.number().int().min(0).max(100_000).nullish(),
});

export const orgUpdateBody = z.strictObject({
  version: version.optional(),
  name: singleLine(60).optional(),
  code: singleLine(20).nullish(),
  studentCount: z.number().int().min(0).max(100_000).nullish(),
});

export const orgMoveBody = z.strictObject({ version: version.optional(), parentId: uuid });
export const orgVersionBody = z.strictObject({ version: version.optional() });

export const orgView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: orgKind,
  name: z.string(),
  code: z.string().nullable(),
  studentCount: z.number().nullable(),
  active: z.boolean(),
  path: z.array(z.string()),
  version: z.number(),
  abilities,
});
export type OrgView = z.infer<typeof orgView>;

export const orgListQuery = z.object({
  includeInactive: z.enum(['true', 'false']).optional(),
});
