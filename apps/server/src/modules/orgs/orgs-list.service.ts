import { createHash } from 'node:crypto';
import { orgKinds, orgSearchLimit, orgWholeTreeLimit } from '@shouwang/shared';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/authz/actor';
import { inScope, scopePrefixes } from '../../lib/authz/scope';
import type { RequestContext } from '../../lib/context';
import { pathIds } from './org-path';
import { requireReadableOrg } from './orgs.service';
import * as lists from './orgs-list.repository';

/** The caller's visible units: their read grants' subtrees and the units above their assignments. */
function visibility(actor: Actor, includeInactive: boolean): lists.OrgVisibility {
  return {
    prefixes: scopePrefixes(actor, 'org.read'),
    ancestorIds: [...new Set(actor.assignments.flatMap((a) => pathIds(a.orgPath)))],
    includeInactive,
  };
}

/**
 * An ETag for a list answer: the counties' unit stamp, who is asking (their grants decide what the
 * answer holds and which actions it offers) and what they asked. One cheap aggregate instead of
 * thousands of rows when nothing changed.
 */
export async function listEtag(db: Db, actor: Actor, what: string, query: object): Promise<string> {
  const counties = [...new Set(actor.assignments.map((a) => a.countyId))].sort();
  const stamp = await lists.orgStamp(db, counties);
  const grants = actor.assignments.map((a) => `${a.role}@${a.orgPath}`).sort();
  const key = JSON.stringify([what, stamp, grants, Object.entries(query).sort()]);
  return `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
}

export interface OrgListFilters {
  includeInactive: boolean;
  kinds?: string[];
  parentId?: string;
  q?: string;
  ids?: string[];
}

/** Asking for the sub-units of a unit one may not see answers not found, as reading it would (before any ETag). */
export async function checkParent(db: Db, ctx: RequestContext, actor: Actor, parentId: string | undefined) {
  if (parentId) await requireReadableOrg(db, ctx, actor, parentId);
}

/** The flat list; call `checkParent` first. */
export async function listOrgItems(db: Db, actor: Actor, filters: OrgListFilters) {
  return lists.listOrgItems(db, visibility(actor, filters.includeInactive), filters);
}

/** The tree page's units; call `checkParent` first. */
export async function listOrgTree(
  db: Db,
  actor: Actor,
  query: { includeInactive: boolean; parentId?: string; q?: string },
): Promise<{ rows: lists.OrgTreeRow[]; truncated: boolean }> {
  const v = visibility(actor, query.includeInactive);
  if (query.q) return lists.searchTree(db, v, query.q, orgSearchLimit);
  if (query.parentId) return { rows: await lists.listTreeLevel(db, v, query.parentId), truncated: false };
  return { rows: await lists.listTreeOpening(db, v, orgWholeTreeLimit), truncated: false };
}

export async function summarize(db: Db, actor: Actor) {
  const rows = await lists.summarizeOrgs(db, scopePrefixes(actor, 'org.read'));
  const order = new Map(orgKinds.map((k, i) => [k, i]));
  return rows.sort((a, b) => order.get(a.kind)! - order.get(b.kind)!);
}

/** Sub-units are counted for units inside a read grant only: above it, the caller's own branch is all they see. */
export const countsChildren = (actor: Actor, row: lists.OrgTreeRow) => inScope(actor, 'org.read', row.path);
