import type { CounselingSessionView, RiskLevelEntry } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { canWriteCounseling } from './counseling.policy';
import type { RiskHistoryRow, SessionWithChild } from './counseling.repository';
import { openCounseling } from './counseling-cipher';

/** A session with its confidential text decrypted: only for callers who passed `canReadCounseling`. */
export function presentSession(
  actor: Actor,
  { session: s, child, counselorName }: SessionWithChild,
): CounselingSessionView {
  const write = canWriteCounseling(actor, child);
  return {
    id: s.id,
    child: { id: child.id, name: child.name },
    counselor: { id: s.counselorId, displayName: counselorName },
    sessionOn: s.sessionOn,
    presentingConcern: openCounseling('presenting_concern', s.presentingConcern),
    notes: openCounseling('notes', s.notes),
    agreedActions: openCounseling('agreed_actions', s.agreedActions),
    nextSessionOn: s.nextSessionOn,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
    abilities: { update: write, delete: write },
  };
}

/** A risk-level entry; the reason only when `withReason` (counselors). */
export function presentRiskEntry({ entry, setByName }: RiskHistoryRow, withReason: boolean): RiskLevelEntry {
  return {
    id: entry.id,
    level: entry.level,
    reason: withReason ? openCounseling('risk_reason', entry.reason) : null,
    setAt: entry.createdAt.toISOString(),
    setBy: { id: entry.setBy, displayName: setByName },
  };
}
