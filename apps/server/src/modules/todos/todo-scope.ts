import type { CareResponsibleRole, ChildFacts } from '@shouwang/shared';
import { and, asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { Actor } from '../../lib/authz/actor';
import { child } from '../children/children.table';
import { responsibleUnits } from './duty-scope';
import { type DutyChild, dutyChildColumns, factsColumns, factsOf } from './schedule-facts.repository';

/** Live pairings with the caller today (as `activePairedChildIds`). */
const pairedToday = sql`select p.child_id from pairing p where p.helper_user_id = ${sql.placeholder('userId')}
  and p.deleted_at is null and p.start_date <= ${sql.placeholder('today')}::date
  and (p.end_date is null or p.end_date > ${sql.placeholder('today')}::date)`;

/** How many units of each kind the selection has: none, one (a plain parameter) or several (an array). */
type Count = 0 | 1 | 2;
type Shape = { classIds: Count; schoolIds: Count; villageIds: Count };
const columnOf = { classIds: 'class_id', schoolIds: 'school_id', villageIds: 'village_id' } as const;

/**
 * One statement per shape of the selection, so that PostgreSQL can keep a generic plan of it (a
 * class teacher's is always "one class"): a unit kind the caller has no role in is left out.
 */
function todoChildrenQuery(db: Db, shape: Shape) {
  const branches = (Object.keys(columnOf) as (keyof Shape)[]).flatMap((key) => {
    const column = sql.raw(`c.${columnOf[key]}`);
    if (shape[key] === 0) return [];
    const value = shape[key] === 1 ? sql`= ${sql.placeholder(key)}::uuid` : sql`= any(${sql.placeholder(key)}::uuid[])`;
    return [sql`select c.id from child c where ${column} ${value}`];
  });
  // Each way in is its own indexed lookup (a plain OR with the pairing sub-select would scan child).
  const selected = sql.join([...branches, pairedToday], sql` union `);
  return db
    .select({ ...dutyChildColumns, ...factsColumns, anyPaired: sql<boolean>`exists (${pairedToday})` })
    .from(child)
    .where(and(isNull(child.deletedAt), sql`"child"."id" in (${selected})`))
    .orderBy(asc(sql`${child.namePinyin} collate "C"`), asc(child.id))
    .prepare(`todo_children_${shape.classIds}${shape.schoolIds}${shape.villageIds}`);
}

// One per shape, its key the three counts (e.g. "100"): PostgreSQL plans each once per connection.
const prepared = preparedPerDb((db, key) =>
  todoChildrenQuery(db, {
    classIds: Number(key[0]) as Count,
    schoolIds: Number(key[1]) as Count,
    villageIds: Number(key[2]) as Count,
  }),
);
const count = (values: readonly string[]): Count => (values.length > 1 ? 2 : values.length === 0 ? 0 : 1);
const param = (values: readonly string[]) => (values.length === 1 ? values[0]! : `{${values.join(',')}}`);

/**
 * The children a user holds duties for — the class teacher's class, the school administrator's
 * schools (`schoolAdminSchools`: only those whose rules give the administrator duties), the child
 * director's village, the children paired with the user today — with their schedule facts, class
 * names and the caller's roles over each, in one prepared statement (as `dutyChildrenOf`, which
 * reads the pairings first). `paired`: whether anyone is paired with the user today.
 */
export async function todoChildrenOf(db: Db, actor: Actor, schoolAdminSchools: string[], today: string) {
  const units = responsibleUnits(actor);
  const selection = { classIds: units.classIds, schoolIds: schoolAdminSchools, villageIds: units.villageIds };
  const shape: Shape = {
    classIds: count(selection.classIds),
    schoolIds: count(selection.schoolIds),
    villageIds: count(selection.villageIds),
  };
  const query = prepared(db, `${shape.classIds}${shape.schoolIds}${shape.villageIds}`);
  const params: Record<string, string> = { userId: actor.userId, today };
  for (const k of Object.keys(columnOf) as (keyof Shape)[]) if (shape[k] > 0) params[k] = param(selection[k]);
  const rows = await query.execute(params);
  const facts = new Map<string, ChildFacts>();
  const classNames = new Map<string, string>();
  const rolesOver = new Map<string, Set<CareResponsibleRole>>();
  const children: DutyChild[] = rows.map(({ className, categories, enrollments, anyPaired: _a, ...c }) => {
    facts.set(c.id, factsOf(c, categories, enrollments));
    if (c.classId && className !== null) classNames.set(c.classId, className);
    const roles = new Set<CareResponsibleRole>();
    if (c.classId && units.classIds.includes(c.classId)) roles.add('class_teacher');
    if (c.schoolId && schoolAdminSchools.includes(c.schoolId)) roles.add('school_admin');
    if (c.villageId && units.villageIds.includes(c.villageId)) roles.add('child_director');
    rolesOver.set(c.id, roles);
    return c;
  });
  return { children, facts, classNames, rolesOver, paired: rows.some((r) => r.anyPaired) };
}
