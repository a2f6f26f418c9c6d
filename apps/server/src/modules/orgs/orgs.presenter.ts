import type { OrgView } from '@shouwang/shared';
import type { Actor } from '../../lib/authz/actor';
import { pathIds } from './org-path';
import { orgAbilities } from './orgs.policy';
import type { OrgRow } from './orgs.repository';

export function presentOrg(actor: Actor, row: OrgRow): OrgView {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind,
    name: row.name,
    code: row.code,
    studentCount: row.studentCount,
    active: row.active,
    path: pathIds(row.path),
    version: row.version,
    abilities: orgAbilities(actor, row),
  };
}

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
