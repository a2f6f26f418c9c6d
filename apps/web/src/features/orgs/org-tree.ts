import { allowedParentKinds, type OrgKind, orgKinds } from '@shouwang/shared/roles';
import type { OrgListItem } from '@shouwang/shared/schemas/orgs';

export interface OrgNode<T extends OrgListItem = OrgListItem> {
  org: T;
  children: OrgNode<T>[];
}

const kindOrder = new Map(orgKinds.map((k, i) => [k, i]));
const collator = new Intl.Collator('zh-CN', { numeric: true });

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十 → 20: enough for grades and class numbers. */
function chineseNumber(run: string): string {
  const [tens, ones] = run.includes('十') ? run.split('十') : ['', run];
  if (!run.includes('十')) return String([...run].reduce((n, ch) => n * 10 + (digits[ch] ?? 0), 0));
  return String((tens ? (digits[tens] ?? 0) : 1) * 10 + (ones ? (digits[ones] ?? 0) : 0));
}

/** Sort key that puts 一年级 before 二年级 (pinyin order would not): Chinese numerals as digits. */
function sortKey(name: string): string {
  return name.replace(/[一二三四五六七八九十]+/g, chineseNumber);
}

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
        (kindOrder.get(a.org.kind) ?? 0) - (kindOrder.get(b.org.kind) ?? 0) ||
        collator.compare(sortKey(a.org.name), sortKey(b.org.name)),
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
