import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ChildFixture } from '../../test/factories';
import { buildTerm, type CountyTree, type UserFixture } from '../../test/factories';
import { activity, activityParticipation } from '../activities/activities.table';
import { careRecord } from '../care-records/care-records.table';
import { healthCheck } from '../health-checks/health-checks.table';
import { grade } from '../learning/learning.table';
import { appUser } from '../users/users.table';

/** The term running on the test machine's today (2026 autumn) and a closed one before it. */
export async function buildLetterTerms(db: Db, tree: CountyTree) {
  const current = await buildTerm(db, tree.county, {
    startDate: '2026-09-01',
    midDate: '2026-11-10',
    endDate: '2027-01-20',
  });
  const previous = await buildTerm(
    db,
    tree.county,
    { startDate: '2026-02-20', midDate: '2026-04-20', endDate: '2026-07-05' },
    { schoolYear: '2025-2026', termNo: 2 },
  );
  return { current, previous };
}

export async function nameUser(db: Db, user: UserFixture, displayName: string, phone: string | null = null) {
  await db.update(appUser).set({ displayName, phone }).where(eq(appUser.id, user.id));
}

export async function addTalks(db: Db, child: ChildFixture, author: UserFixture, dates: string[]) {
  for (const occurredOn of dates)
    await db.insert(careRecord).values({
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      classId: child.classId,
      authorId: author.id,
      kind: 'talk',
      occurredOn,
      summary: '谈心',
      details: {},
    });
}

export async function addActivity(
  db: Db,
  unit: { id: string; path: string; countyId: string },
  author: UserFixture,
  title: string,
  occurredOn: string,
  participants: { child: ChildFixture; award?: string }[],
) {
  const [row] = await db
    .insert(activity)
    .values({
      countyId: unit.countyId,
      orgId: unit.id,
      orgPath: unit.path,
      type: 'festival',
      title,
      occurredOn,
      createdBy: author.id,
    })
    .returning();
  for (const p of participants)
    await db.insert(activityParticipation).values({
      countyId: unit.countyId,
      activityId: row!.id,
      childId: p.child.id,
      schoolId: p.child.schoolId,
      award: p.award ?? null,
    });
}

export async function addGrades(
  db: Db,
  child: ChildFixture,
  author: UserFixture,
  termId: string,
  scores: Partial<Record<'chinese' | 'math' | 'english', number>>,
) {
  for (const [subject, score] of Object.entries(scores))
    await db.insert(grade).values({
      countyId: child.countyId,
      childId: child.id,
      schoolId: child.schoolId,
      classId: child.classId,
      termId,
      subject: subject as 'chinese',
      score: score!,
      fullMark: 100,
      authorId: author.id,
    });
}

export async function addHealthCheck(
  db: Db,
  child: ChildFixture,
  author: UserFixture,
  checkedOn: string,
  flags: (typeof healthCheck.$inferInsert)['flags'],
) {
  await db.insert(healthCheck).values({
    countyId: child.countyId,
    childId: child.id,
    schoolId: child.schoolId,
    classId: child.classId,
    authorId: author.id,
    checkedOn,
    flags,
  });
}
