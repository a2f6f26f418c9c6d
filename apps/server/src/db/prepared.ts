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
