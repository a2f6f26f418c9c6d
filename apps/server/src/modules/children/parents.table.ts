import { contactFrequencies, parentRelations, parentStatuses, returnFrequencies } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { editableColumns } from '../../db/columns';
import { child } from './children.table';

/** 家长: a child's father, mother (or step-parent), with where they work and how they keep in touch. */
export const parent = pgTable(
  'parent',
  {
    ...editableColumns(),
    childId: uuid('child_id')
      .notNull()
      .references(() => child.id),
    countyId: uuid('county_id').notNull(),
    relation: text('relation', { enum: parentRelations }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: parentStatuses }),
    birthDate: date('birth_date'),
    idNumber: text('id_number'),
    idNumberMasked: text('id_number_masked'),
    workProvince: text('work_province'),
    workCity: text('work_city'),
    employer: text('employer'),
    occupation: text('occupation'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    leftHomeOn: date('left_home_on'),
    returnFrequency: text('return_frequency', { enum: returnFrequencies }),
    contactFrequency: text('contact_frequency', { enum: contactFrequencies }),
    unreachable: boolean('unreachable').notNull().default(false),
    note: text('note'),
  },
  (t) => [index('parent_child_idx').on(t.childId)],
);
