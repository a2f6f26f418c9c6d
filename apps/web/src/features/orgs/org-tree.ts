import { allowedParentKinds, type OrgKind, orgKinds } from '@shouwang/shared/roles';
import type { OrgListItem } from '@shouwang/shared/schemas/orgs';
import { compareUnitNames } from '@shouwang/shared/unit-order';

export interface OrgNode<T extends OrgListItem = OrgListItem> {
  org: T;
  children: OrgNode<T>[];
}

const kindOrder = new Map(orgKinds.map((k, i) => [k, i]));

/**
 * Builds the tree from the flat list. Units whose parent the user cannot see (e.g. a teacher sees
 * their class and its ancestors only) become roots, so nothing visible is ever dropped.
 */
export function buildOrgTree<T extends OrgListItem>(orgs: readonly T[]): OrgNode<T>[] {
  const nodes = new Map(orgs.map((org) => [org.id, { org, children: [] as OrgNode<T>[] }]));
  const roots: OrgNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode<T>[]) => {
    list.sort(
      (a, b) =>
        (kindOrder.get(a.org.kind) ?? 0) - (kindOrder.get(b.org.kind) ?? 0) || compareUnitNames(a.org.name, b.org.name),
    );
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Kinds of unit that may be created directly under a unit of this kind. */
export function childKindsOf(kind: OrgKind): OrgKind[] {
  return orgKinds.filter((k) => allowedParentKinds[k].includes(kind));
}

/** Kinds that may appear on the way down to a unit of one of `targets` (the targets included). */
export function kindsLeadingTo(targets: readonly OrgKind[]): Set<OrgKind> {
  const leads = (kind: OrgKind): boolean => targets.includes(kind) || childKindsOf(kind).some(leads);
  return new Set(orgKinds.filter(leads));
}

/** The readable place of a unit: 本县 / 城关镇 / 第一小学. */
export function orgPathLabel(orgs: readonly OrgListItem[], org: OrgListItem): string {
  const byId = new Map(orgs.map((o) => [o.id, o.name]));
  return org.path.map((id) => byId.get(id) ?? '…').join(' / ');
}

/** Kinds that record a student count. */
export const countsStudents = (kind: OrgKind) => kind === 'school' || kind === 'class';
