import { z } from 'zod';
import { orgKinds } from '../roles';
import { abilities, searchText, singleLine, uuid, version } from './common';

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

/** `true`/`false` in a query string. */
const queryFlag = z.enum(['true', 'false']).optional();

/** One kind or several separated by commas (`school,village`). */
const kindList = z
  .string()
  .max(100)
  .refine((s) => s.split(',').every((k) => (orgKinds as readonly string[]).includes(k)), {
    message: 'unknown_org_kind',
  });

/**
 * The flat list of units (pickers): everything the caller may see, or only some kinds, the
 * sub-units of one unit, or the names matching `q`. Answers carry an ETag; units change rarely.
 */
export const orgListQuery = z.object({
  includeInactive: queryFlag,
  kind: kindList.optional(),
  /** Sub-units of this unit only (404 when the caller may not see it). */
  parentId: uuid.optional(),
  /** Part of a unit's name, or the start of its code. */
  q: searchText(60).optional(),
  /** These units only (at most 100 ids, separated by commas): names for ids a page already holds. */
  ids: z
    .string()
    .max(3_700)
    .refine((s) => s.split(',').length <= 100 && s.split(',').every((id) => uuid.safeParse(id).success), {
      message: 'invalid_id_list',
    })
    .optional(),
});

/** A unit in the flat list: what a picker shows, without the caller's abilities. */
export const orgListItem = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: orgKind,
  name: z.string(),
  code: z.string().nullable(),
  studentCount: z.number().nullable(),
  active: z.boolean(),
  path: z.array(z.string()),
});
export type OrgListItem = z.infer<typeof orgListItem>;

/**
 * The unit tree a level at a time. Without parameters: the caller's first screen (the units above
 * their grants, the granted units and the level below them); `parentId`: one unit's sub-units;
 * `q`: the units matching, anywhere in the caller's scope, with the units above them.
 */
export const orgTreeQuery = z.object({
  includeInactive: queryFlag,
  parentId: uuid.optional(),
  q: searchText(60).optional(),
});

export const orgTreeItem = orgView.extend({
  /** Sub-units below; null when the caller sees this unit only as the one above their own. */
  childCount: z.number().int().nullable(),
});
export type OrgTreeItem = z.infer<typeof orgTreeItem>;

/** A first screen of at most this many units comes whole (a school, a township, a small county). */
export const orgWholeTreeLimit = 300;

/** How many matches a tree search returns at most (`truncated` says there were more). */
export const orgSearchLimit = 50;

export const orgTreeResponse = z.object({ items: z.array(orgTreeItem), truncated: z.boolean() });

/** Active units inside the caller's grants (not the units above them), by kind, with the students they report. */
export const orgSummary = z.object({
  kinds: z.array(z.object({ kind: orgKind, count: z.number().int(), students: z.number().int() })),
});
export type OrgSummary = z.infer<typeof orgSummary>;
