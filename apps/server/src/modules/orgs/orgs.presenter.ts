import type { OrgListItem, OrgTreeItem, OrgView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { pathIds } from './org-path';
import { orgAbilities } from './orgs.policy';
import type { OrgRow } from './orgs.repository';
import type { OrgTreeRow } from './orgs-list.repository';

export function presentOrg(actor: Actor, row: OrgRow): OrgView {
  return { ...presentOrgListItem(row), version: row.version, abilities: orgAbilities(actor, row) };
}

/** A unit in the flat list (pickers): no abilities, no version. */
export const presentOrgListItem = (row: Omit<OrgListItem, 'path'> & { path: string }): OrgListItem => ({
  id: row.id,
  parentId: row.parentId,
  kind: row.kind,
  name: row.name,
  code: row.code,
  studentCount: row.studentCount,
  active: row.active,
  path: pathIds(row.path),
});

/** A unit of the tree page; `countsChildren` is false above the caller's grants. */
export const presentOrgTreeItem = (actor: Actor, row: OrgTreeRow, countsChildren: boolean): OrgTreeItem => ({
  ...presentOrg(actor, row),
  childCount: countsChildren ? row.childCount : null,
});

/** The audit snapshot of an org. */
export const orgSnapshot = (row: OrgRow) => ({
  parentId: row.parentId,
  kind: row.kind,
  name: row.name,
  code: row.code,
  studentCount: row.studentCount,
  active: row.active,
  path: row.path,
  version: row.version,
});
