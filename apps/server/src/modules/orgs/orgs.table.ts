import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';

/**
 * The organization tree: county → township → village | school → class.
 * `path` holds the ids from the county down to this node, each followed by '/', so a subtree
 * is one indexed prefix match (`path LIKE 'a/b/%'`).
 */
export const org = pgTable(
  'org',
  {
    ...editableColumns(),
    parentId: uuid('parent_id'),
    countyId: uuid('county_id').notNull(),
    kind: text('kind', { enum: ['county', 'township', 'village', 'school', 'class'] }).notNull(),
    name: text('name').notNull(),
    code: text('code'),
    studentCount: integer('student_count'),
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    index('org_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('org_parent_idx').on(t.parentId),
    index('org_county_idx').on(t.countyId),
    uniqueIndex('org_sibling_name_uq')
      .on(sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.name)
      .where(sql`${t.deletedAt} is null`),
  ],
);
