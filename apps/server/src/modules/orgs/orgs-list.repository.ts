import { and, asc, eq, getTableColumns, ilike, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { arrayParam, prefixEnd, preparedPerDb, startsWithPlaceholder } from '../../db/prepared';
import { pathIds } from './org-path';
import { escapeLike, type OrgRow } from './orgs.repository';
import { org } from './orgs.table';

/** What the caller may see: the subtrees of their read grants, and the units above their own. */
export interface OrgVisibility {
  prefixes: string[];
  ancestorIds: string[];
  includeInactive: boolean;
}

export type OrgTreeRow = OrgRow & { childCount: number };

const live = isNull(org.deletedAt);
const underAny = (prefixes: string[]) => prefixes.map((p) => like(org.path, `${escapeLike(p)}%`));

function visibleConditions(v: OrgVisibility): SQL[] {
  const scope = underAny(v.prefixes);
  if (v.ancestorIds.length > 0) scope.push(inArray(org.id, v.ancestorIds));
  const conditions = [live, or(...scope)!];
  if (!v.includeInactive) conditions.push(eq(org.active, true));
  return conditions;
}

/** Breadth first, then kind, then name (the web sorts numerals within a level). */
const treeOrder = [asc(sql`length(${org.path})`), asc(org.kind), asc(org.name)];

/** Name contains the text, or the code starts with it. */
const matches = (q: string) => or(ilike(org.name, `%${escapeLike(q)}%`), like(org.code, `${escapeLike(q)}%`))!;

/** The flat list for pickers: only the columns they show. */
export async function listOrgItems(
  db: Db,
  v: OrgVisibility,
  filters: { kinds?: string[]; parentId?: string; q?: string; ids?: string[] },
) {
  if (v.prefixes.length === 0) return [];
  const conditions = visibleConditions(v);
  if (filters.ids) conditions.push(inArray(org.id, filters.ids));
  if (filters.kinds) conditions.push(inArray(org.kind, filters.kinds as OrgRow['kind'][]));
  if (filters.parentId) conditions.push(eq(org.parentId, filters.parentId));
  if (filters.q) conditions.push(matches(filters.q));
  return db
    .select({
      id: org.id,
      parentId: org.parentId,
      kind: org.kind,
      name: org.name,
      code: org.code,
      studentCount: org.studentCount,
      active: org.active,
      path: org.path,
    })
    .from(org)
    .where(and(...conditions))
    .orderBy(...treeOrder);
}

/** Rows with the number of their live (and, unless asked, active) sub-units. */
function treeSelect(db: Db, includeInactive: boolean) {
  const sub = sql`select count(*)::int from org c where c.parent_id = ${org.id} and c.deleted_at is null`;
  const childCount = includeInactive ? sql<number>`(${sub})` : sql<number>`(${sub} and c.active)`;
  return db.select({ ...getTableColumns(org), childCount: childCount.as('child_count') }).from(org);
}

/**
 * The tree's statements are prepared once per shape (bench findings 18b): how many prefixes, whether
 * there are units above the grants, whether inactive units count. The prefixes are path byte ranges
 * (`prefixEnd`), so a generic plan can use the path index; a prefix a range cannot bound (never an
 * org path) takes the statements built per request.
 */
interface VisibleShape {
  prefixes: number;
  ancestors: boolean;
  includeInactive: boolean;
}

const ph = (name: string) => sql.placeholder(name);
const rangeable = (v: OrgVisibility) => v.prefixes.every((p) => prefixEnd(p) !== null);

function visibleShapeCondition(shape: VisibleShape): SQL {
  const scope: SQL[] = Array.from({ length: shape.prefixes }, (_, i) => startsWithPlaceholder(org.path, `p${i}`));
  if (shape.ancestors) scope.push(sql`${org.id} = any(${ph('ancestorIds')}::uuid[])`);
  const conditions = [live, or(...scope)!];
  if (!shape.includeInactive) conditions.push(eq(org.active, true));
  return and(...conditions)!;
}

function visibleParams(v: OrgVisibility): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [i, p] of v.prefixes.entries()) Object.assign(params, { [`p${i}`]: p, [`p${i}end`]: prefixEnd(p) });
  if (v.ancestorIds.length > 0) params.ancestorIds = arrayParam(v.ancestorIds);
  return params;
}

const shapeOf = (v: OrgVisibility, ancestors = v.ancestorIds.length > 0): VisibleShape => ({
  prefixes: v.prefixes.length,
  ancestors,
  includeInactive: v.includeInactive,
});

/** The statements of the tree for one shape: a level, the scope's size (up to a limit), the whole scope, the opening. */
function treeQueries(db: Db, key: string) {
  const shape = JSON.parse(key) as VisibleShape;
  const visible = visibleShapeCondition(shape);
  const name = `orgs_tree_${shape.prefixes}${shape.ancestors ? 'a' : ''}${shape.includeInactive ? 'i' : ''}`;
  const inScope = visibleShapeCondition({ ...shape, ancestors: false });
  const counted = db.select({ one: sql`1` }).from(org).where(inScope).limit(ph('limit')).as('counted');
  const shown = or(
    sql`${org.id} = any(${ph('shownIds')}::uuid[])`,
    sql`${org.parentId} = any(${ph('grantIds')}::uuid[])`,
  );
  return {
    level: treeSelect(db, shape.includeInactive)
      .where(and(visible, sql`${org.parentId} = ${ph('parentId')}::uuid`))
      .orderBy(...treeOrder)
      .prepare(`${name}_level`),
    size: db.select({ n: sql<number>`count(*)::int` }).from(counted).prepare(`${name}_size`),
    whole: treeSelect(db, shape.includeInactive)
      .where(visible)
      .orderBy(...treeOrder)
      .prepare(`${name}_whole`),
    opening: treeSelect(db, shape.includeInactive)
      .where(and(visible, shown))
      .orderBy(...treeOrder)
      .prepare(`${name}_opening`),
  };
}
const preparedTree = preparedPerDb(treeQueries);
const treeFor = (db: Db, shape: VisibleShape) => preparedTree(db, JSON.stringify(shape));

/** The sub-units of one unit that the caller may see. */
export async function listTreeLevel(db: Db, v: OrgVisibility, parentId: string): Promise<OrgTreeRow[]> {
  if (v.prefixes.length === 0) return [];
  if (rangeable(v)) return treeFor(db, shapeOf(v)).level.execute({ ...visibleParams(v), parentId });
  return treeSelect(db, v.includeInactive)
    .where(and(...visibleConditions(v), eq(org.parentId, parentId)))
    .orderBy(...treeOrder);
}

/**
 * The first screen. A small scope (a school, a township, a small county: at most `wholeUpTo` units)
 * comes whole, as one answer; a large one as the units above the grants, the granted units and the
 * level below them.
 */
export async function listTreeOpening(db: Db, v: OrgVisibility, wholeUpTo: number): Promise<OrgTreeRow[]> {
  if (v.prefixes.length === 0) return [];
  const grantIds = v.prefixes.map((p) => pathIds(p).at(-1)!);
  const shownIds = [...new Set([...v.ancestorIds, ...grantIds])];
  if (rangeable(v)) {
    const params = visibleParams(v);
    const [size] = await treeFor(db, shapeOf(v, false)).size.execute({ ...params, limit: wholeUpTo + 1 });
    const tree = treeFor(db, shapeOf(v));
    if (size!.n <= wholeUpTo) return tree.whole.execute(params);
    return tree.opening.execute({ ...params, shownIds: arrayParam(shownIds), grantIds: arrayParam(grantIds) });
  }
  const inScope = and(...visibleConditions({ ...v, ancestorIds: [] }));
  const counted = db
    .select({ one: sql`1` })
    .from(org)
    .where(inScope)
    .limit(wholeUpTo + 1)
    .as('counted');
  const [size] = await db.select({ n: sql<number>`count(*)::int` }).from(counted);
  if (size!.n <= wholeUpTo) {
    return treeSelect(db, v.includeInactive)
      .where(and(...visibleConditions(v)))
      .orderBy(...treeOrder);
  }
  const shown = [inArray(org.id, shownIds), inArray(org.parentId, grantIds)];
  return treeSelect(db, v.includeInactive)
    .where(and(...visibleConditions(v), or(...shown)))
    .orderBy(...treeOrder);
}

/** Units matching `q` anywhere in scope (at most `limit`), with every unit above them for the tree. */
export async function searchTree(
  db: Db,
  v: OrgVisibility,
  q: string,
  limit: number,
): Promise<{ rows: OrgTreeRow[]; truncated: boolean }> {
  if (v.prefixes.length === 0) return { rows: [], truncated: false };
  const found = await treeSelect(db, v.includeInactive)
    .where(and(...visibleConditions(v), matches(q)))
    .orderBy(...treeOrder)
    .limit(limit + 1);
  const truncated = found.length > limit;
  const hits = found.slice(0, limit);
  const hitIds = new Set(hits.map((r) => r.id));
  const above = [...new Set(hits.flatMap((r) => pathIds(r.path)))].filter((id) => !hitIds.has(id));
  const parents =
    above.length === 0
      ? []
      : await treeSelect(db, v.includeInactive).where(and(...visibleConditions(v), inArray(org.id, above)));
  const rows = [...parents, ...hits].sort((a, b) => a.path.length - b.path.length);
  return { rows, truncated };
}

/** Active units under the prefixes by kind, with the students they report (prepared per prefix count). */
const preparedSummary = preparedPerDb((db, key) =>
  db
    .select({
      kind: org.kind,
      count: sql<number>`count(*)::int`,
      students: sql<number>`coalesce(sum(${org.studentCount}), 0)::int`,
    })
    .from(org)
    .where(visibleShapeCondition({ prefixes: Number(key), ancestors: false, includeInactive: false }))
    .groupBy(org.kind)
    .prepare(`orgs_summary_${key}`),
);

export async function summarizeOrgs(db: Db, prefixes: string[]) {
  if (prefixes.length === 0) return [];
  const v = { prefixes, ancestorIds: [], includeInactive: false };
  if (rangeable(v)) return preparedSummary(db, String(prefixes.length)).execute(visibleParams(v));
  return db
    .select({
      kind: org.kind,
      count: sql<number>`count(*)::int`,
      students: sql<number>`coalesce(sum(${org.studentCount}), 0)::int`,
    })
    .from(org)
    .where(and(live, eq(org.active, true), or(...underAny(prefixes))))
    .groupBy(org.kind);
}

/** One county (`= $1`: PostgreSQL keeps a generic plan of it; of `= any($1)` it would not) or several. */
const preparedStamp = preparedPerDb((db, shape) =>
  db
    .select({
      n: sql<number>`count(*)::int`,
      at: sql<string>`coalesce(max(${org.updatedAt}), 'epoch')::text`,
    })
    .from(org)
    .where(
      shape === 'one'
        ? sql`${org.countyId} = ${ph('countyId')}::uuid`
        : sql`${org.countyId} = any(${ph('countyIds')}::uuid[])`,
    )
    .prepare(`orgs_stamp_${shape}`),
);

/**
 * A stamp that changes whenever a unit of these counties is added, edited, moved, (de)activated
 * or deleted: every write sets `updated_at` (soft deletes too), and the count catches the rest.
 */
export async function orgStamp(db: Db, countyIds: string[]): Promise<string> {
  if (countyIds.length === 0) return 'none';
  const [row] =
    countyIds.length === 1
      ? await preparedStamp(db, 'one').execute({ countyId: countyIds[0] })
      : await preparedStamp(db, 'many').execute({ countyIds: arrayParam(countyIds) });
  return `${row!.n}:${row!.at}`;
}
