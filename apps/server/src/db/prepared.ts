import { type SQLWrapper, sql } from 'drizzle-orm';
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
