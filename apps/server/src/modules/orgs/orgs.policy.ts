import type { Actor } from '../../lib/authz/actor';
import { inScope } from '../../lib/authz/scope';
import { pathIds } from './org-path';
import type { OrgRow } from './orgs.repository';

/** Whether the actor may see the org: inside a read grant, or an ancestor of one of their units. */
export function canReadOrg(actor: Actor, row: Pick<OrgRow, 'id' | 'path'>): boolean {
  if (inScope(actor, 'org.read', row.path)) return true;
  return actor.assignments.some((a) => pathIds(a.orgPath).includes(row.id));
}

export function orgAbilities(actor: Actor, row: Pick<OrgRow, 'path' | 'kind'>) {
  const manage = inScope(actor, 'org.manage', row.path);
  const belowManaged = inScope(actor, 'org.manage', `${row.path}x/`);
  return {
    update: manage,
    move: manage,
    deactivate: manage,
    delete: manage,
    createChild: belowManaged && row.kind !== 'class',
  };
}
