import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { appUser } from '../users/users.table';
import { pledge, selfEvaluation } from './pledges.table';

export type PledgeRow = typeof pledge.$inferSelect;
export type PledgeInsert = typeof pledge.$inferInsert;
export type SelfEvaluationRow = typeof selfEvaluation.$inferSelect;

const reviewer = sql<string | null>`(select display_name from app_user where id = ${pledge.reviewedBy})`;

const pledgeColumns = { pledge, authorName: appUser.displayName, reviewerName: reviewer };
export type PledgeWithNames = { pledge: PledgeRow; authorName: string; reviewerName: string | null };

export async function findPledge(db: Db, id: string): Promise<PledgeWithNames | undefined> {
  const [row] = await db
    .select(pledgeColumns)
    .from(pledge)
    .innerJoin(appUser, eq(appUser.id, pledge.authorId))
    .where(and(eq(pledge.id, id), isNull(pledge.deletedAt)))
    .limit(1);
  return row;
}

export async function childPledges(db: Db, child: { id: string; countyId: string }): Promise<PledgeWithNames[]> {
  return db
    .select(pledgeColumns)
    .from(pledge)
    .innerJoin(appUser, eq(appUser.id, pledge.authorId))
    .where(and(eq(pledge.countyId, child.countyId), eq(pledge.childId, child.id), isNull(pledge.deletedAt)))
    .orderBy(desc(pledge.signedOn), desc(pledge.createdAt))
    .limit(200);
}

export async function insertPledge(db: Db, values: PledgeInsert) {
  const [row] = await db.insert(pledge).values(values).returning();
  return row!;
}

export async function updatePledge(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<PledgeInsert, 'id' | 'version'>>,
) {
  const [row] = await db
    .update(pledge)
    .set({ ...changes, version: sql`${pledge.version} + 1`, updatedAt: new Date() })
    .where(and(eq(pledge.id, id), eq(pledge.version, version), isNull(pledge.deletedAt)))
    .returning();
  return row;
}

export type SelfEvaluationWithName = { evaluation: SelfEvaluationRow; authorName: string };

export async function findSelfEvaluation(db: Db, id: string): Promise<SelfEvaluationWithName | undefined> {
  const [row] = await db
    .select({ evaluation: selfEvaluation, authorName: appUser.displayName })
    .from(selfEvaluation)
    .innerJoin(appUser, eq(appUser.id, selfEvaluation.authorId))
    .where(and(eq(selfEvaluation.id, id), isNull(selfEvaluation.deletedAt)))
    .limit(1);
  return row;
}

export async function childSelfEvaluations(db: Db, child: { id: string; countyId: string }) {
  return db
    .select({ evaluation: selfEvaluation, authorName: appUser.displayName })
    .from(selfEvaluation)
    .innerJoin(appUser, eq(appUser.id, selfEvaluation.authorId))
    .where(
      and(
        eq(selfEvaluation.countyId, child.countyId),
        eq(selfEvaluation.childId, child.id),
        isNull(selfEvaluation.deletedAt),
      ),
    )
    .orderBy(desc(selfEvaluation.evaluatedOn), desc(selfEvaluation.createdAt))
    .limit(200);
}

export async function insertSelfEvaluation(db: Db, values: typeof selfEvaluation.$inferInsert) {
  const [row] = await db.insert(selfEvaluation).values(values).returning();
  return row!;
}

export async function softDeleteSelfEvaluation(db: Db, id: string, version: number) {
  const [row] = await db
    .update(selfEvaluation)
    .set({ deletedAt: new Date(), version: sql`${selfEvaluation.version} + 1`, updatedAt: new Date() })
    .where(and(eq(selfEvaluation.id, id), eq(selfEvaluation.version, version), isNull(selfEvaluation.deletedAt)))
    .returning();
  return row;
}
