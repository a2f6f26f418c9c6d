import { type ChildFacts, leftBehindCategories } from '@shouwang/shared';
import { and, asc, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ChildRow } from '../children/children.repository';
import { child, childCategory, childEnrollment } from '../children/children.table';

/** What the to-do list, calendar and schedule need of a child. */
export const dutyChildColumns = {
  id: child.id,
  name: child.name,
  countyId: child.countyId,
  schoolId: child.schoolId,
  classId: child.classId,
  villageId: child.villageId,
  careLevel: child.careLevel,
  birthDate: child.birthDate,
};
export type DutyChild = Pick<
  ChildRow,
  'id' | 'name' | 'countyId' | 'schoolId' | 'classId' | 'villageId' | 'careLevel' | 'birthDate'
>;

export interface ChildSelection {
  classIds?: string[];
  schoolIds?: string[];
  villageIds?: string[];
  childIds?: string[];
}

function selectionCondition(s: ChildSelection): SQL | undefined {
  const parts: SQL[] = [];
  if (s.classIds?.length) parts.push(inArray(child.classId, s.classIds));
  if (s.schoolIds?.length) parts.push(inArray(child.schoolId, s.schoolIds));
  if (s.villageIds?.length) parts.push(inArray(child.villageId, s.villageIds));
  if (s.childIds?.length) parts.push(inArray(child.id, s.childIds));
  return parts.length > 0 ? or(...parts) : undefined;
}

/** Live children of these classes, schools or villages, or with these ids. */
export async function selectChildren(db: Db, selection: ChildSelection): Promise<DutyChild[]> {
  const condition = selectionCondition(selection);
  if (!condition) return [];
  return db
    .select(dutyChildColumns)
    .from(child)
    .where(and(isNull(child.deletedAt), condition))
    .orderBy(asc(sql`${child.namePinyin} collate "C"`), asc(child.id));
}

/** Live children among the selection whose birthday (month-day) is one of `monthDays` (`MM-DD`). */
export async function birthdaysAmong(db: Db, selection: ChildSelection, monthDays: string[]) {
  const condition = selectionCondition(selection);
  if (!condition || monthDays.length === 0) return [];
  return db
    .select(dutyChildColumns)
    .from(child)
    .where(
      and(
        isNull(child.deletedAt),
        condition,
        sql`${child.birthDate} is not null`,
        sql`to_char(${child.birthDate}, 'MM-DD') in ${monthDays}`,
      ),
    );
}

type CategoryFact = ChildFacts['categories'][number];
type EnrollmentFact = ChildFacts['enrollments'][number];

/** A child's facts from its category periods and enrollment history (oldest first). */
export function factsOf(
  c: DutyChild,
  own: readonly CategoryFact[],
  enrollments: readonly EnrollmentFact[],
): ChildFacts {
  const leftBehind = own.filter((x) => leftBehindCategories.includes(x.category));
  const stillAway = leftBehind.some((x) => x.endDate === null);
  const ends = leftBehind
    .map((x) => x.endDate!)
    .filter(Boolean)
    .sort();
  return {
    childId: c.id,
    careLevel: c.careLevel,
    categories: own,
    enrollments,
    parentsReturnedOn: !stillAway && ends.length > 0 ? ends.at(-1)! : null,
  };
}

/**
 * The facts the schedule engine needs for each child: category periods, enrollment history (oldest
 * first, entries of one day in the order they were made), and the day the parents came home — the
 * end of the last left-behind period when none is open any more (how the archive records a return).
 */
export async function childFactsOf(db: Db, children: DutyChild[]): Promise<Map<string, ChildFacts>> {
  const ids = children.map((c) => c.id);
  const facts = new Map<string, ChildFacts>();
  if (ids.length === 0) return facts;
  const categories = await db
    .select({
      childId: childCategory.childId,
      category: childCategory.category,
      startDate: childCategory.startDate,
      endDate: childCategory.endDate,
    })
    .from(childCategory)
    .where(inArray(childCategory.childId, ids));
  const enrollments = await db
    .select({ childId: childEnrollment.childId, status: childEnrollment.status, date: childEnrollment.date })
    .from(childEnrollment)
    .where(inArray(childEnrollment.childId, ids))
    .orderBy(asc(childEnrollment.date), asc(childEnrollment.createdAt));
  for (const c of children) {
    const own = categories.filter((x) => x.childId === c.id);
    facts.set(
      c.id,
      factsOf(
        c,
        own,
        enrollments.filter((e) => e.childId === c.id),
      ),
    );
  }
  return facts;
}

/*
 * `selectChildren` and `childFactsOf` in one statement, with each child's class name (bench
 * findings 8: the to-do list paid a round trip for each). The sub-selects pin the child's county.
 */
export const factsColumns = {
  className: sql<string | null>`(select o.name from org o where o.id = "child"."class_id")`,
  categories: sql<CategoryFact[]>`coalesce((select json_agg(json_build_object('category', cc.category,
    'startDate', cc.start_date, 'endDate', cc.end_date) order by cc.start_date, cc.category)
    from child_category cc where cc.child_id = "child"."id" and cc.county_id = "child"."county_id"), '[]'::json)`,
  enrollments: sql<EnrollmentFact[]>`coalesce((select json_agg(json_build_object('status', ce.status, 'date', ce.date)
    order by ce.date, ce.created_at) from child_enrollment ce
    where ce.child_id = "child"."id" and ce.county_id = "child"."county_id"), '[]'::json)`,
};

/** Live children of the selection (as `selectChildren`), their schedule facts and class names. */
export async function selectChildrenWithFacts(db: Db, selection: ChildSelection) {
  const condition = selectionCondition(selection);
  const facts = new Map<string, ChildFacts>();
  const classNames = new Map<string, string>();
  if (!condition) return { children: [] as DutyChild[], facts, classNames };
  const rows = await db
    .select({ ...dutyChildColumns, ...factsColumns })
    .from(child)
    .where(and(isNull(child.deletedAt), condition))
    .orderBy(asc(sql`${child.namePinyin} collate "C"`), asc(child.id));
  const children: DutyChild[] = rows.map(({ className, categories, enrollments, ...c }) => {
    facts.set(c.id, factsOf(c, categories, enrollments));
    if (c.classId && className !== null) classNames.set(c.classId, className);
    return c;
  });
  return { children, facts, classNames };
}

/** The distinct schools of the selected children. */
export async function schoolsAmong(db: Db, selection: ChildSelection): Promise<string[]> {
  const condition = selectionCondition(selection);
  if (!condition) return [];
  const rows = await db
    .selectDistinct({ schoolId: child.schoolId })
    .from(child)
    .where(and(isNull(child.deletedAt), condition, sql`${child.schoolId} is not null`));
  return rows.map((r) => r.schoolId!);
}
