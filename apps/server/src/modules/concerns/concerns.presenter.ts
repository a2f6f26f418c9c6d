import type { ConcernEventView, ConcernView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { concernAbilities } from './concerns.policy';
import type { ConcernEventRow, ConcernWithPlacement } from './concerns.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentConcern(actor: Actor, row: ConcernWithPlacement, now: Date = new Date()): ConcernView {
  const c = row.concern;
  return {
    id: c.id,
    child: row.child ? { id: row.child.id, name: row.child.name } : null,
    school: row.school ? { id: row.school.id, name: row.school.name } : null,
    mailboxMessageId: c.mailboxMessageId,
    reporter: { id: c.reporterId, displayName: row.reporterName },
    category: c.category,
    severity: c.severity,
    description: c.description,
    immediateActions: c.immediateActions,
    status: c.status,
    dueAt: iso(c.dueAt),
    overdue: c.dueAt !== null && c.status !== 'closed' && c.dueAt < now,
    escalatedAt: iso(c.escalatedAt),
    acknowledgedAt: iso(c.acknowledgedAt),
    referredAt: iso(c.referredAt),
    closedAt: iso(c.closedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
    abilities: concernAbilities(actor, c, row),
  };
}

export function presentEvent({ event: e, actorName }: ConcernEventRow): ConcernEventView {
  return {
    id: e.id,
    kind: e.kind,
    actor: e.actorId && actorName ? { id: e.actorId, displayName: actorName } : null,
    at: e.at.toISOString(),
    note: e.note,
    authority: e.authority,
    referredAt: iso(e.referredAt),
    receiptNumber: e.receiptNumber,
  };
}

/** What an audit row records of a concern (its text stays in the concern itself). */
export const concernFacts = (c: {
  status: string;
  category: string;
  severity: string;
  childId: string | null;
  schoolId: string | null;
  dueAt: Date | null;
}) => ({
  status: c.status,
  category: c.category,
  severity: c.severity,
  childId: c.childId,
  schoolId: c.schoolId,
  dueAt: iso(c.dueAt),
});
