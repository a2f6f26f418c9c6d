import type { TermView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { termAbilities } from './terms.policy';
import type { TermRow, TermWithOrg } from './terms.repository';

export function presentTerm(actor: Actor, row: TermWithOrg): TermView {
  return {
    id: row.id,
    orgId: row.org.id,
    orgName: row.org.name,
    orgKind: row.org.kind,
    schoolYear: row.schoolYear,
    termNo: row.termNo,
    startDate: row.startDate,
    midDate: row.midDate,
    endDate: row.endDate,
    version: row.version,
    abilities: termAbilities(actor, row.org),
  };
}

/** The audit snapshot of a term. */
export const termSnapshot = (row: TermRow) => ({
  orgId: row.orgId,
  schoolYear: row.schoolYear,
  termNo: row.termNo,
  startDate: row.startDate,
  midDate: row.midDate,
  endDate: row.endDate,
  version: row.version,
});
