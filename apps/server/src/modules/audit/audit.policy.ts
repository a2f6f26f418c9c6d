import type { Actor } from '../../lib/authz/actor';
import { grantsFor, inScope, scopePrefixes } from '../../lib/authz/scope';

/** Which audit rows an actor may read; the repository turns it into a `where`. */
export interface AuditScope {
  /** Rows whose org path starts with one of these. */
  orgPathPrefixes: string[];
  /** Rows tied to no unit (sign-ins, refused routes) of these counties. */
  countyIds: string[];
}

/**
 * Audit rows follow the unit they concern: a reader sees the rows of their subtree. Rows tied to no
 * unit belong to the county as a whole, so only its administrators read them.
 */
export function auditScope(actor: Actor): AuditScope {
  const countyIds = grantsFor(actor, 'audit.read')
    .filter((g) => g.role === 'county_admin' && g.orgKind === 'county')
    .map((g) => g.countyId);
  return { orgPathPrefixes: scopePrefixes(actor, 'audit.read'), countyIds: [...new Set(countyIds)] };
}

/** Whether the actor may read the audit rows of a unit (to filter the log by it). */
export function canReadAuditOf(actor: Actor, unit: { path: string }): boolean {
  return inScope(actor, 'audit.read', unit.path);
}
