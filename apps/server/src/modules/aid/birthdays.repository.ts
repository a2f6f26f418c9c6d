import { leftBehindCategories } from '@shouwang/shared';
import { and, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { careRecord } from '../care-records/care-records.table';
import type { ChildScope } from '../children/children.policy';
import { child } from '../children/children.table';
import { escapeLike } from '../orgs/orgs.repository';

/** Live children in scope born on one of `monthDays` (`MM-DD`), with today's left-behind flag. */
export async function childrenWithBirthdayOn(db: Db, scope: ChildScope, monthDays: string[], today: string) {
  const visible: SQL[] = scope.prefixes.flatMap((p) => [
    like(child.schoolPath, `${escapeLike(p)}%`),
    like(child.villagePath, `${escapeLike(p)}%`),
  ]);
  if (scope.pairedIds.length > 0) visible.push(inArray(child.id, scope.pairedIds));
  if (visible.length === 0 || monthDays.length === 0) return [];
  return db
    .select({
      id: child.id,
      name: child.name,
      birthDate: child.birthDate,
      schoolPath: child.schoolPath,
      villagePath: child.villagePath,
      // Spelled out: in a one-table select drizzle leaves columns unqualified, and "id" would be cc.id.
      leftBehind: sql<boolean>`exists (select 1 from child_category cc where cc.child_id = "child"."id"
        and cc.category in ${leftBehindCategories} and cc.start_date <= ${today}::date
        and (cc.end_date is null or cc.end_date >= ${today}::date))`,
    })
    .from(child)
    .where(
      and(
        isNull(child.deletedAt),
        or(...visible),
        sql`${child.birthDate} is not null`,
        sql`to_char(${child.birthDate}, 'MM-DD') in ${monthDays}`,
      ),
    )
    .limit(500);
}

/** Children among `childIds` with a birthday life-care record on or after `since`. */
export async function celebratedSince(db: Db, childIds: string[], since: string): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ childId: careRecord.childId })
    .from(careRecord)
    .where(
      and(
        inArray(careRecord.childId, childIds),
        isNull(careRecord.deletedAt),
        eq(careRecord.kind, 'life_care'),
        sql`${careRecord.details}->>'type' = 'birthday'`,
        sql`${careRecord.occurredOn} >= ${since}`,
      ),
    );
  return new Set(rows.map((r) => r.childId));
}
