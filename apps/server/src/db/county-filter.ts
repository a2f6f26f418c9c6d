import { distributedTables } from './citus-placement';

/**
 * How a statement would run on Citus with county_id as the distribution column (docs/SCALING.md),
 * judged from its text. Every distributed table a statement names must be pinned to one county,
 * by a constant (`county_id = $1`, `county_id in ($1)`) or by a join on county_id with a table
 * that is; otherwise the statement goes to every shard (or, for a join, is refused).
 */

const keywords = new Set([
  'where',
  'on',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'join',
  'order',
  'group',
  'limit',
  'offset',
  'union',
  'using',
  'set',
  'values',
  'select',
  'lateral',
  'natural',
  'having',
  'returning',
  'for',
  'as',
  'and',
  'or',
  'default',
]);

export interface TableRef {
  table: string;
  /** How the statement names it: its alias, or the table itself. */
  name: string;
}

/** The distributed tables a statement reads or writes. */
export function distributedRefs(statement: string): TableRef[] {
  const refs: TableRef[] = [];
  const pattern = /\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?(?:\s+(?:as\s+)?"?([a-z_][a-z0-9_]*)"?)?/gi;
  for (const m of statement.matchAll(pattern)) {
    const table = m[1]!.toLowerCase();
    if (!distributedTables.includes(table)) continue;
    const alias = m[2] && !keywords.has(m[2].toLowerCase()) ? m[2] : undefined;
    refs.push({ table, name: alias ?? table });
  }
  return refs;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const column = (name: string) => `"?${esc(name)}"?\\."?county_id"?`;
const constant = String.raw`(?:\$\d+|'[^']*')(?:::[a-z]+)?`;

/** `x.county_id = $1`, `x.county_id in ($1, …)`, `x.county_id = any(…)`; unqualified in a one-table statement. */
function pinnedByConstant(statement: string, ref: TableRef, alone: boolean): boolean {
  const col = alone ? `(?:${column(ref.name)}|"?county_id"?)` : column(ref.name);
  return new RegExp(`(?<![\\w."])${col}\\s*(?:=\\s*${constant}|in\\s*\\(\\s*${constant}|=\\s*any\\b)`, 'i').test(
    statement,
  );
}

/** The names joined to `ref` by `ref.county_id = other.county_id` (either way round). */
function joinedByCounty(statement: string, ref: TableRef): string[] {
  const col = column(ref.name);
  const other = String.raw`"?([a-z_][a-z0-9_]*)"?\."?county_id"?`;
  const found: string[] = [];
  for (const pattern of [new RegExp(`${col}\\s*=\\s*${other}`, 'gi'), new RegExp(`${other}\\s*=\\s*${col}`, 'gi')])
    for (const m of statement.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** An INSERT that writes county_id. */
const insertWithCounty = (statement: string) => /^\s*insert\s+into\s+"?\w+"?\s*\([^)]*"?county_id"?/i.test(statement);

/** Tables a statement inserts into with county_id among the columns (a WITH … INSERT): each row routes by its own county. */
const insertTargetsWithCounty = (statement: string) =>
  [...statement.matchAll(/\binsert\s+into\s+"?(\w+)"?\s*\([^)]*\bcounty_id\b/gi)].map((m) => m[1]!.toLowerCase());

/**
 * The distributed tables of a statement that are not pinned to one county: empty when Citus could
 * send the whole statement to the one node holding that county.
 */
export function unpinnedTables(statement: string): string[] {
  const refs = distributedRefs(statement);
  if (refs.length === 0) return [];
  if (insertWithCounty(statement)) return [];
  const alone = refs.length === 1;
  const targets = insertTargetsWithCounty(statement);
  const pinned = new Set(
    refs.filter((r) => targets.includes(r.name) || pinnedByConstant(statement, r, alone)).map((r) => r.name),
  );
  // Spread the pin along county_id joins until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of refs) {
      if (pinned.has(r.name)) continue;
      if (joinedByCounty(statement, r).some((n) => pinned.has(n))) {
        pinned.add(r.name);
        changed = true;
      }
    }
  }
  return [...new Set(refs.filter((r) => !pinned.has(r.name)).map((r) => r.table))].sort();
}
