import { createHash } from 'node:crypto';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from './client';

/**
 * A prepared query built once per database handle and shape, not per request: PostgreSQL then plans
 * it once per connection (a transaction is its own handle and builds its own). `build` gets the
 * shape (e.g. with or without a class filter); one shape: leave it out.
 */
export function preparedPerDb<Q>(build: (db: Db, shape: string) => Q): (db: Db, shape?: string) => Q {
  const built = new WeakMap<Db, Map<string, Q>>();
  return (db, shape = '') => {
    let byShape = built.get(db);
    if (!byShape) {
      byShape = new Map();
      built.set(db, byShape);
    }
    let query = byShape.get(shape);
    if (query === undefined) {
      query = build(db, shape);
      byShape.set(shape, query);
    }
    return query;
  };
}

const dialect = new PgDialect();

/** Statement texts given a name so far; past the limit, new texts run unnamed (nothing piles up per connection). */
const named = new Set<string>();
const MAX_NAMED = 32;

/**
 * Runs a statement built per request (`db.execute(sql`…`)` shapes that `preparedPerDb` cannot hold)
 * as a named prepared statement of its text: each pooled PostgreSQL connection parses it once, and
 * after five executions PostgreSQL may keep one generic plan instead of planning every request (the
 * school dashboard's KPI read spent 0.85 of its 1.6 ms planning). The name is a hash of the text,
 * so another shape is another statement; the text must hold its values as parameters only. On
 * PGlite the name is ignored. Returns what `db.execute` returns.
 */
export function executeNamed(db: Db, statement: SQL): Promise<unknown> {
  const query = dialect.sqlToQuery(statement);
  let name: string | undefined = `sw_${createHash('sha1').update(query.sql).digest('base64url').slice(0, 20)}`;
  if (!named.has(name)) {
    if (named.size >= MAX_NAMED) name = undefined;
    else named.add(name);
  }
  return db._.session.prepareQuery(query, undefined, name, false).execute();
}

/**
 * The string right after every string that starts with `prefix`, byte-wise, or null when the last
 * character is not plain ASCII (there UTF-16, UTF-8 and byte order agree; org paths are uuids and
 * slashes). With it a prefix is a byte range, `column ~>=~ prefix and column ~<~ end`: a
 * text_pattern_ops index answers it with parameters too, in a generic plan — a LIKE needs its
 * pattern at planning time.
 */
export function prefixEnd(prefix: string): string | null {
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix.length === 0 || last >= 0x7e) return null;
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** `column` starts with the prefix held by placeholders `name` and `${name}end` (see `prefixEnd`). */
export const startsWithPlaceholder = (column: SQLWrapper, name: string) =>
  sql`(${column} ~>=~ ${sql.placeholder(name)} and ${column} ~<~ ${sql.placeholder(`${name}end`)})`;

/** A uuid[] / text[] parameter as an array literal (PGlite and node-postgres alike). */
export const arrayParam = (values: readonly string[]) => `{${values.map((v) => JSON.stringify(v)).join(',')}}`;
