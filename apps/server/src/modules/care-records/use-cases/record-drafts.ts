import {
  type CareChannel,
  type CareRecordFlag,
  type CareRecordKind,
  defaultWindowDays,
  periodContaining,
  type TermWindow,
  termWindowPeriods,
  todayIso,
} from '@shouwang/shared';
import type { Db } from '../../../db/client';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { Actor } from '../../../lib/authz/actor';
import type { RequestContext } from '../../../lib/context';
import { findAttachment } from '../../attachments/attachments.repository';
import { listRules } from '../../care-rules/care-rules.repository';
import { listCategories, listEnrollments } from '../../children/child-history.repository';
import { auditOrgOf } from '../../children/children.access';
import type { ChildRow } from '../../children/children.repository';
import { listEffectiveTerms } from '../../terms/terms.repository';
import { careRecordSnapshot } from '../care-records.presenter';
import * as repo from '../care-records.repository';

/** A care record about to be written, checked by `checkDraft` and stored by `insertDrafts`. */
export interface RecordDraft {
  child: ChildRow;
  kind: CareRecordKind;
  occurredOn: string;
  durationMinutes: number | null;
  channel: CareChannel | null;
  summary: string;
  problems: string | null;
  followUpNeeded: boolean;
  followUpOn: string | null;
  followUpOf: string | null;
  attachmentIds: string[];
  details: Record<string, unknown>;
  flags?: CareRecordFlag[];
}

export type Issue = { field: string; key: string };

/**
 * The first day the archive knows of the child: when it was filed, or earlier when its category or
 * enrollment history starts earlier (a school entering last month's paper record cards).
 */
export async function archiveStartOf(db: Db, child: ChildRow): Promise<string> {
  const dates = [todayIso(child.createdAt)];
  for (const c of await listCategories(db, child.id)) dates.push(c.startDate);
  for (const e of await listEnrollments(db, child.id)) dates.push(e.date);
  const start = dates.sort()[0]!;
  return child.birthDate && child.birthDate > start ? child.birthDate : start;
}

/** 期初/期中/期末 window of the child's term holding `date`, if the date falls in one. */
export async function homeVisitWindowOn(db: Db, child: ChildRow, date: string): Promise<TermWindow | null> {
  const terms = await listEffectiveTerms(db, child.countyId, child.schoolId);
  const term = terms.find((t) => t.startDate <= date && date <= t.endDate);
  if (!term) return null;
  const rules = child.schoolId ? await listRules(db, [child.schoolId]) : [];
  const rule = rules.find((r) => r.active && r.kind === 'home_visit' && r.frequency === 'term_windows');
  return periodContaining(termWindowPeriods(term, rule?.windowDays ?? defaultWindowDays), date)?.window ?? null;
}

/**
 * What is wrong with a draft (as fields and message keys), and what the server adds: a home visit
 * gets its term window from its date, and is flagged — not refused — when it lies outside every window.
 */
export async function checkDraft(db: Db, draft: RecordDraft, field: (name: string) => string) {
  const issues: Issue[] = [];
  if (draft.occurredOn < (await archiveStartOf(db, draft.child)))
    issues.push({ field: field('occurredOn'), key: 'record_before_archive' });
  if (draft.followUpNeeded && !draft.followUpOn)
    issues.push({ field: field('followUpOn'), key: 'follow_up_date_required' });
  if (draft.followUpNeeded && draft.followUpOn && draft.followUpOn < draft.occurredOn)
    issues.push({ field: field('followUpOn'), key: 'follow_up_before_record' });
  for (const [i, id] of draft.attachmentIds.entries()) {
    const attachment = await findAttachment(db, id);
    if (attachment?.childId !== draft.child.id)
      issues.push({ field: field(`attachmentIds.${i}`), key: 'attachment_not_of_child' });
  }
  if (draft.followUpOf) {
    const source = await repo.findRecord(db, draft.followUpOf);
    const open = source?.record.followUpNeeded && source.record.followUpDoneOn === null;
    if (source?.record.childId !== draft.child.id || !open)
      issues.push({ field: field('followUpOf'), key: 'follow_up_source_invalid' });
  }
  const flags: CareRecordFlag[] = [];
  let details = draft.details;
  if (draft.kind === 'home_visit') {
    const window = await homeVisitWindowOn(db, draft.child, draft.occurredOn);
    if (window === null) flags.push('outside_term_window');
    details = { ...details, termWindow: (details.termWindow as TermWindow | null | undefined) ?? window };
  }
  return { issues, flags, details };
}

/** Writes checked drafts in the caller's transaction, each with its audit row; closes followed-up records. */
export async function insertDrafts(
  tx: Db,
  ctx: RequestContext,
  actor: Actor,
  drafts: RecordDraft[],
  extra: { batchId?: string; idempotencyKey?: string },
) {
  const rows = await repo.insertRecords(
    tx,
    drafts.map((d) => ({
      countyId: d.child.countyId,
      childId: d.child.id,
      schoolId: d.child.schoolId,
      classId: d.child.classId,
      authorId: actor.userId,
      kind: d.kind,
      occurredOn: d.occurredOn,
      durationMinutes: d.durationMinutes,
      channel: d.channel,
      summary: d.summary,
      problems: d.problems,
      followUpNeeded: d.followUpNeeded,
      followUpOn: d.followUpNeeded ? d.followUpOn : null,
      followUpOf: d.followUpOf,
      attachmentIds: d.attachmentIds,
      details: d.details,
      flags: d.flags ?? [],
      batchId: extra.batchId ?? null,
      idempotencyKey: extra.idempotencyKey ?? null,
    })),
  );
  for (const [i, row] of rows.entries()) {
    const draft = drafts[i]!;
    const org = auditOrgOf(draft.child);
    await recordAudit(tx, ctx, {
      event: 'care_record.created',
      targetType: 'care_record',
      targetId: row.id,
      childId: row.childId,
      org,
      after: careRecordSnapshot(row),
    });
    if (draft.followUpOf) {
      const closed = await repo.closeFollowUp(tx, draft.followUpOf, row.occurredOn);
      if (closed) {
        await recordAudit(tx, ctx, {
          event: 'care_record.follow_up_closed',
          targetType: 'care_record',
          targetId: closed.id,
          childId: closed.childId,
          org,
          diff: { followUpDoneOn: { from: null, to: closed.followUpDoneOn }, by: row.id },
        });
      }
    }
  }
  return rows;
}
