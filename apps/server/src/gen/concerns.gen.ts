import {
  type ConcernCategory,
  type ConcernSeverity,
  type ConcernStatus,
  concernCategories,
  concernStepHours,
} from '@shouwang/shared';
import { weightedPicker } from '../demo/random';
import { concern, concernEvent } from '../modules/concerns/concerns.table';
import { bulkInsert } from './bulk-insert';
import { groupBy } from './group-by';
import { staffIndex } from './staff-index';
import { concernStepNotes, concernTexts, receiptPrefixes } from './wellbeing-texts';
import type { GenChild, GenPart } from './world';

type ConcernRow = typeof concern.$inferInsert;
type EventRow = typeof concernEvent.$inferInsert;

const HOUR = 3_600_000;
const severityOf: Record<ConcernCategory, ConcernSeverity[]> = {
  unsupervised: ['general', 'serious'],
  missing: ['urgent'],
  guardian_failing: ['general', 'serious'],
  suspected_violence: ['serious', 'urgent'],
  suspected_abuse: ['urgent'],
  self_harm_risk: ['serious', 'urgent'],
};
/** Where a concern stands today: most are closed, some still open at each step. */
const finalStatus = weightedPicker<ConcernStatus>([
  ['closed', 45],
  ['following_up', 25],
  ['referred', 12],
  ['acknowledged', 9],
  ['reported', 9],
]);
const stepOrder: ConcernStatus[] = ['reported', 'acknowledged', 'referred', 'following_up', 'closed'];

/**
 * 强制报告: a few concerns per township (two to six), about children of its schools and villages,
 * raised by the child's class teacher (or the village child director) and handled by the school's
 * administrator (or the child director). Every workflow state occurs (the first five of the county
 * go through them in turn); steps come within their deadlines mostly, some late — those carry the
 * escalation the server writes (an `escalated` event without actor) — and a few open ones are
 * overdue today, for the server's interval to escalate. One in ten urgent mailbox letters a
 * counselor took up were reported too (from the letter, naming the child when it was linked).
 */
export const concernsGen: GenPart = {
  name: 'concerns',
  tables: ['concern', 'concern_event'],
  async run(ctx) {
    const { world } = ctx;
    const rng = ctx.rng('concerns');
    const newId = ctx.ids('concerns');
    const eventIds = ctx.ids('concern-events');
    const countyId = world.county.id;
    const now = ctx.now.getTime();
    const staff = staffIndex(world);
    const schools = new Map(world.schools.map((s) => [s.id, s]));
    const villages = new Map(world.villages.map((v) => [v.id, v]));
    const townshipOf = (c: GenChild) =>
      (c.schoolId ? schools.get(c.schoolId)?.townshipId : null) ?? villages.get(c.villageId)?.townshipId;
    const byTownship = groupBy(
      world.children.filter((c) => !c.deleted),
      townshipOf,
    );
    const concerns: ConcernRow[] = [];
    const events: EventRow[] = [];
    // How long each step took (hours after the previous one); a tenth come late.
    const took = (status: Exclude<ConcernStatus, 'closed'>) =>
      rng.chance(0.1)
        ? concernStepHours[status] * (1.1 + rng.next())
        : concernStepHours[status] * (0.1 + rng.next() * 0.7);
    const planSteps = (target: ConcernStatus) => {
      const steps: { status: ConcernStatus; after: number }[] = [];
      const upTo = stepOrder.indexOf(target);
      if (upTo >= 1) steps.push({ status: 'acknowledged', after: took('reported') });
      if (upTo >= 2) steps.push({ status: 'referred', after: took('acknowledged') });
      if (upTo >= 3) {
        steps.push({ status: 'following_up', after: took('referred') });
        for (let k = rng.int(0, 2); k > 0; k--) steps.push({ status: 'following_up', after: took('following_up') });
      }
      if (upTo >= 4) steps.push({ status: 'closed', after: took('following_up') });
      return steps;
    };
    /** One concern and its events: raised at `raised`, then the steps in turn. */
    const record = (
      base: Pick<ConcernRow, 'childId' | 'schoolId' | 'mailboxMessageId' | 'reporterId'>,
      handlerId: string,
      category: ConcernCategory,
      raised: number,
      steps: { status: ConcernStatus; after: number }[],
      escalateOverdue: boolean,
    ) => {
      const texts = concernTexts[category];
      const id = newId();
      const row: ConcernRow = {
        ...base,
        id,
        countyId,
        category,
        severity: rng.pick(severityOf[category]),
        description: base.mailboxMessageId ? texts.fromMailbox : rng.pick(texts.description),
        immediateActions: rng.chance(0.8) ? rng.pick(texts.immediate) : null,
        status: 'reported',
        createdAt: new Date(raised),
        version: 1 + steps.length,
      };
      events.push({
        id: eventIds(),
        countyId,
        concernId: id,
        kind: 'reported',
        actorId: base.reporterId,
        at: new Date(raised),
      });
      let at = raised;
      let status: ConcernStatus = 'reported';
      const escalateIfLate = (from: number, until: number) => {
        if (status === 'closed') return;
        const due = from + concernStepHours[status] * HOUR;
        if (due >= until) return;
        // The server's interval runs every few minutes.
        const when = new Date(due + rng.int(1, 10) * 60_000);
        row.escalatedAt = when;
        row.escalatedStatus = status;
        events.push({ id: eventIds(), countyId, concernId: id, kind: 'escalated', actorId: null, at: when, status });
      };
      for (const step of steps) {
        const next = at + step.after * HOUR;
        escalateIfLate(at, next);
        at = next;
        status = step.status;
        const when = new Date(at);
        const event = { id: eventIds(), countyId, concernId: id, actorId: handlerId, at: when };
        if (status === 'acknowledged') {
          row.acknowledgedAt = when;
          events.push({ ...event, kind: 'acknowledged', note: rng.pick(concernStepNotes.acknowledged) });
        } else if (status === 'referred') {
          const referredAt = new Date(at - rng.int(10, 120) * 60_000);
          row.referredAt = referredAt;
          events.push({
            ...event,
            kind: 'referred',
            authority: texts.authority,
            referredAt,
            receiptNumber: `${receiptPrefixes[texts.authority]}〔${new Date(at).getUTCFullYear()}〕${rng.int(10, 999)}号`,
            note: null,
          });
        } else if (status === 'following_up') {
          events.push({ ...event, kind: 'followed_up', note: rng.pick(concernStepNotes.followed_up) });
        } else {
          row.closedAt = when;
          events.push({ ...event, kind: 'closed', note: rng.pick(concernStepNotes.closed) });
        }
      }
      // An open step past its deadline: half of them the server has escalated already.
      if (escalateOverdue && rng.chance(0.5)) escalateIfLate(at, now);
      row.status = status;
      row.dueAt = status === 'closed' ? null : new Date(at + concernStepHours[status] * HOUR);
      row.updatedAt = new Date(at);
      concerns.push(row);
    };

    let n = 0;
    for (const township of world.townships) {
      const kids = byTownship.get(township.id) ?? [];
      const count = Math.min(kids.length, world.townships.length === 1 ? 5 : rng.int(2, 6));
      for (const c of rng.shuffle(kids).slice(0, count)) {
        const reporter = staff.first('class_teacher', c.classId) ?? staff.first('child_director', c.villageId);
        const handler = c.schoolId
          ? staff.first('school_admin', c.schoolId)
          : staff.first('child_director', c.villageId);
        if (!reporter || !handler) continue;
        const target = n < stepOrder.length ? stepOrder[n]! : finalStatus(rng);
        n++;
        const category = c.leftBehind && rng.chance(0.4) ? 'unsupervised' : rng.pick(concernCategories);
        const steps = planSteps(target);
        const span = steps.reduce((h, s) => h + s.after, 0);
        // Open concerns: the last step recent enough to be in time, or (one in six) overdue.
        const open = target !== 'closed';
        const limit = open ? concernStepHours[target as Exclude<ConcernStatus, 'closed'>] : 0;
        const overdue = open && (n === 2 || rng.chance(1 / 6));
        const tail = open
          ? overdue
            ? limit * (1.2 + rng.next() * 2)
            : limit * rng.next() * 0.8
          : rng.int(24, 24 * 150);
        const base = { childId: c.id, schoolId: c.schoolId, mailboxMessageId: null, reporterId: reporter.id };
        record(base, handler.id, category, now - (span + tail) * HOUR, steps, overdue);
      }
    }
    // One in ten urgent letters a counselor took up became a report (the first always):
    // raised an hour after, naming the child when the counselor linked one; as far on as time allows.
    (world.urgentLetters ?? []).forEach((letter, i) => {
      const handler = staff.first('school_admin', letter.schoolId);
      if (!handler || !(i === 0 || rng.chance(0.1))) return;
      const raised = letter.handledAt.getTime() + HOUR;
      if (raised >= now) return;
      const steps: { status: ConcernStatus; after: number }[] = [];
      let sum = 0;
      for (const step of planSteps('closed')) {
        sum += step.after;
        if (raised + sum * HOUR >= now) break;
        steps.push(step);
      }
      const base = {
        childId: letter.childId,
        schoolId: letter.schoolId,
        mailboxMessageId: letter.id,
        reporterId: letter.counselorId,
      };
      record(base, handler.id, letter.category, raised, steps, true);
    });
    return {
      concern: await bulkInsert(ctx.db, concern, concerns),
      concern_event: await bulkInsert(ctx.db, concernEvent, events),
    };
  },
};
