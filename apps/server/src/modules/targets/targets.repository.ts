import type { KpiTargetKey } from '@shouwang/shared';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { kpiTarget } from './targets.table';

export type KpiTargetRow = typeof kpiTarget.$inferSelect;

/** Live targets of the given org nodes for a term (school year + number). */
export async function targetsOf(
  db: Db,
  orgIds: string[],
  term: { schoolYear: string; termNo: number },
): Promise<KpiTargetRow[]> {
  if (orgIds.length === 0) return [];
  return db
    .select()
    .from(kpiTarget)
    .where(
      and(
        inArray(kpiTarget.orgId, orgIds),
        eq(kpiTarget.schoolYear, term.schoolYear),
        eq(kpiTarget.termNo, term.termNo),
        isNull(kpiTarget.deletedAt),
      ),
    );
}

/** `targetsOf` as SQL (org_id, kpi, target_bp), for a statement that reads it with other figures. */
export function targetRowsSql(countyId: string, orgIds: string[], term: { schoolYear: string; termNo: number }): SQL {
  return sql`select t.org_id as "orgId", t.kpi, t.target_bp as "targetBp" from kpi_target t
    where t.county_id = ${countyId} and t.org_id = any(${`{${orgIds.join(',')}}`}::uuid[])
      and t.school_year = ${term.schoolYear}
      and t.term_no = ${term.termNo} and t.deleted_at is null`;
}

/** Sets (or, with null, clears) one scope's own target for a KPI; answers the row before and after. */
export async function upsertTarget(
  db: Db,
  values: {
    countyId: string;
    orgId: string;
    schoolYear: string;
    termNo: number;
    kpi: KpiTargetKey;
    targetBp: number | null;
    userId: string;
  },
): Promise<{ before: KpiTargetRow | undefined; after: KpiTargetRow | undefined }> {
  const [before] = await db
    .select()
    .from(kpiTarget)
    .where(
      and(
        eq(kpiTarget.orgId, values.orgId),
        eq(kpiTarget.schoolYear, values.schoolYear),
        eq(kpiTarget.termNo, values.termNo),
        eq(kpiTarget.kpi, values.kpi),
        isNull(kpiTarget.deletedAt),
      ),
    )
    .for('update');
  if (values.targetBp === null) {
    if (before)
      await db
        .update(kpiTarget)
        .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${kpiTarget.version} + 1` })
        .where(eq(kpiTarget.id, before.id));
    return { before, after: undefined };
  }
  if (before) {
    const [after] = await db
      .update(kpiTarget)
      .set({
        targetBp: values.targetBp,
        updatedBy: values.userId,
        updatedAt: sql`now()`,
        version: sql`${kpiTarget.version} + 1`,
      })
      .where(eq(kpiTarget.id, before.id))
      .returning();
    return { before, after };
  }
  const [after] = await db
    .insert(kpiTarget)
    .values({
      countyId: values.countyId,
      orgId: values.orgId,
      schoolYear: values.schoolYear,
      termNo: values.termNo,
      kpi: values.kpi,
      targetBp: values.targetBp,
      updatedBy: values.userId,
    })
    .returning();
  return { before: undefined, after };
}
