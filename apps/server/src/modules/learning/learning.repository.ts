import { and, asc, desc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';
import { org } from '../orgs/orgs.table';
import { term } from '../terms/terms.table';
import { appUser, roleAssignment } from '../users/users.table';
import { grade, studyPlan } from './learning.table';

export type StudyPlanRow = typeof studyPlan.$inferSelect;
export type StudyPlanInsert = typeof studyPlan.$inferInsert;
export type GradeRow = typeof grade.$inferSelect;

const livePlan = isNull(studyPlan.deletedAt);
const liveGrade = isNull(grade.deletedAt);

const planWithChild = {
  plan: studyPlan,
  child: {
    id: child.id,
    name: child.name,
    countyId: child.countyId,
    schoolId: child.schoolId,
    classId: child.classId,
    villageId: child.villageId,
    schoolPath: child.schoolPath,
    villagePath: child.villagePath,
  },
  helperName: appUser.displayName,
};

const selectPlans = (db: Db) =>
  db
    .select(planWithChild)
    .from(studyPlan)
    .innerJoin(child, and(eq(child.id, studyPlan.childId), eq(child.countyId, studyPlan.countyId)))
    .leftJoin(appUser, eq(appUser.id, studyPlan.helperUserId));

export type StudyPlanWithChild = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function findPlan(db: Db, id: string) {
  const [row] = await selectPlans(db)
    .where(and(eq(studyPlan.id, id), livePlan))
    .limit(1);
  return row;
}

export async function listPlansOfChild(db: Db, target: { id: string; countyId: string }) {
  return selectPlans(db)
    .where(and(eq(studyPlan.countyId, target.countyId), eq(studyPlan.childId, target.id), livePlan))
    .orderBy(desc(studyPlan.createdAt));
}

export async function insertPlan(db: Db, values: StudyPlanInsert) {
  const [row] = await db.insert(studyPlan).values(values).returning();
  return row!;
}

export async function updatePlan(db: Db, id: string, expectedVersion: number, changes: Partial<StudyPlanInsert>) {
  const [row] = await db
    .update(studyPlan)
    .set({ ...changes, version: sql`${studyPlan.version} + 1`, updatedAt: new Date() })
    .where(and(eq(studyPlan.id, id), eq(studyPlan.version, expectedVersion), livePlan))
    .returning();
  return row;
}

export async function softDeletePlan(db: Db, id: string, expectedVersion: number, deletedBy: string) {
  const [row] = await db
    .update(studyPlan)
    .set({ deletedAt: new Date(), deletedBy, version: sql`${studyPlan.version} + 1`, updatedAt: new Date() })
    .where(and(eq(studyPlan.id, id), eq(studyPlan.version, expectedVersion), livePlan))
    .returning();
  return row;
}

/** Whether the user holds a live role at a unit above or at the child's school or home village. */
export async function isUserOfChildUnits(db: Db, userId: string, paths: string[]) {
  if (paths.length === 0) return false;
  const rows = await db
    .select({ path: org.path })
    .from(roleAssignment)
    .innerJoin(org, eq(org.id, roleAssignment.orgId))
    .where(and(eq(roleAssignment.userId, userId), isNull(roleAssignment.deletedAt)));
  return rows.some((r) => paths.some((p) => p.startsWith(r.path)));
}

// ── Grades ───────────────────────────────────────────────────────────────────────────────────

const gradeWithChild = { grade, childName: child.name };

export async function listGrades(db: Db, f: { countyId: string; childIds: string[]; termId?: string }) {
  if (f.childIds.length === 0) return [];
  return db
    .select(gradeWithChild)
    .from(grade)
    .innerJoin(child, and(eq(child.id, grade.childId), eq(child.countyId, grade.countyId)))
    .where(
      and(
        eq(grade.countyId, f.countyId),
        inArray(grade.childId, f.childIds),
        f.termId ? eq(grade.termId, f.termId) : undefined,
        liveGrade,
      ),
    )
    .orderBy(asc(child.namePinyin), asc(grade.subject));
}

/** Writes a score, replacing the live one of the same child, term and subject. */
export async function upsertGrade(db: Db, values: typeof grade.$inferInsert) {
  const [row] = await db
    .insert(grade)
    .values(values)
    .onConflictDoUpdate({
      target: [grade.countyId, grade.childId, grade.termId, grade.subject],
      targetWhere: sql`${grade.deletedAt} is null`,
      set: {
        score: values.score,
        fullMark: values.fullMark,
        authorId: values.authorId,
        classId: values.classId,
        version: sql`${grade.version} + 1`,
        updatedAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/** A child's grades with their terms, oldest term first (the 进步档案). */
export async function gradesWithTerms(db: Db, target: { id: string; countyId: string }) {
  return db
    .select({
      grade,
      term: { id: term.id, schoolYear: term.schoolYear, termNo: term.termNo, startDate: term.startDate },
    })
    .from(grade)
    .innerJoin(term, eq(term.id, grade.termId))
    .where(and(eq(grade.countyId, target.countyId), eq(grade.childId, target.id), liveGrade))
    .orderBy(asc(term.schoolYear), asc(term.termNo), asc(grade.subject));
}

/** Ids of the live children of a class the scope covers (by org path prefix). */
export async function childIdsOfClass(db: Db, classId: string, countyId: string, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  const rows = await db
    .select({ id: child.id })
    .from(child)
    .where(
      and(
        eq(child.countyId, countyId),
        eq(child.classId, classId),
        isNull(child.deletedAt),
        or(...prefixes.map((p) => like(child.schoolPath, `${escapeLike(p)}%`))),
      ),
    );
  return rows.map((r) => r.id);
}
