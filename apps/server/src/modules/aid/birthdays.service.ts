import { addDays, type BirthdayCelebrationBody, todayIso, yearsBetween } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import type { RequestContext } from '../../lib/context';
import { canWriteCareOf } from '../care-records/care-records.policy';
import { createCareRecord } from '../care-records/use-cases/create-care-record';
import { childScope } from '../children/children.policy';
import { findAidOfCareRecord } from './aid.repository';
import { insertAidFor, requireChildForAid } from './aid.service';
import { celebratedSince, childrenWithBirthdayOn } from './birthdays.repository';

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The next birthday on or after `from` of someone born on `birthDate` (29 Feb → 28 Feb). */
export function nextBirthday(birthDate: string, from: string): string {
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const monthDay = birthDate.slice(5) === '02-29' && !isLeap(y) ? '02-28' : birthDate.slice(5);
    const day = `${y}-${monthDay}`;
    if (day >= from) return day;
  }
  return `${year + 1}-${birthDate.slice(5)}`;
}

/** Birthdays of children in scope from today over the next `days` days, soonest first. */
export async function upcomingBirthdays(db: Db, actor: Actor, days: number) {
  const today = todayIso();
  const monthDays = new Set<string>();
  for (let i = 0; i < days; i++) {
    const day = addDays(today, i).slice(5);
    monthDays.add(day);
    if (day === '02-28') monthDays.add('02-29');
  }
  const scope = await childScope(db, actor);
  const rows = await childrenWithBirthdayOn(db, scope, [...monthDays], today);
  const careScope = await childScope(db, actor, 'care_record.write');
  const celebrated = await celebratedSince(
    db,
    rows.map((r) => r.id),
    addDays(today, -14),
  );
  return {
    items: rows
      .map((r) => {
        const birthday = nextBirthday(r.birthDate!, today);
        return {
          childId: r.id,
          name: r.name,
          birthday,
          turning: yearsBetween(r.birthDate!, birthday),
          leftBehind: Boolean(r.leftBehind),
          celebrated: celebrated.has(r.id),
          canCelebrate: canWriteCareOf(actor, r, careScope.pairedIds),
        };
      })
      .filter((r) => r.birthday <= addDays(today, days - 1))
      .sort((a, b) => a.birthday.localeCompare(b.birthday) || a.name.localeCompare(b.name)),
  };
}

/**
 * 过生日 in one click: a life-care record (kind life_care, type birthday) through the care-record
 * module's own create use case, and the gift as an aid record (type birthday), in one transaction —
 * both are written or neither (the care record's own transaction becomes a savepoint inside it).
 */
export async function celebrateBirthday(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  childId: string,
  body: BirthdayCelebrationBody,
) {
  return db.transaction(async (tx) => {
    const { id: careRecordId, replayed } = await createCareRecord(tx, ctx, actor, {
      childId,
      kind: 'life_care',
      occurredOn: body.celebratedOn,
      summary: body.summary,
      details: { type: 'birthday' },
      followUpNeeded: false,
      attachmentIds: [],
      idempotencyKey: body.idempotencyKey,
    });
    if (replayed) return { careRecordId, aidId: (await findAidOfCareRecord(tx, careRecordId))?.id ?? null, replayed };
    if (!body.gift) return { careRecordId, aidId: null, replayed };
    const child = await requireChildForAid(tx, ctx, actor, childId, 'write');
    const aid = await insertAidFor(
      tx,
      ctx,
      actor,
      child,
      {
        type: 'birthday',
        amountFen: body.gift.amountFen ?? null,
        items: body.gift.items ?? null,
        source: body.gift.source ?? null,
        givenOn: body.celebratedOn,
        deliveredBy: actor.displayName,
        note: null,
      },
      careRecordId,
    );
    return { careRecordId, aidId: aid.id, replayed };
  });
}
