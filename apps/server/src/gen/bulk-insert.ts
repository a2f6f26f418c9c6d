import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';

/** PostgreSQL allows 65,535 parameters per statement. */
const maxParameters = 65_000;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Multi-row INSERTs of up to `rowsPerStatement` rows (fewer for wide tables, to stay under the
 * parameter limit), in the transaction passed in: the bulk path on PGlite and PostgreSQL alike.
 * The statement text is built here rather than by drizzle's query builder, which spends ~50 µs a
 * row on it (most of a 300,000-row load); values still go through each column's own mapping.
 * A column left undefined takes its default, as with drizzle's insert.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly T['$inferInsert'][],
  rowsPerStatement = 1_000,
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.entries(getTableColumns(table));
  const chunk = Math.max(1, Math.min(rowsPerStatement, Math.floor(maxParameters / columns.length)));
  const head = `insert into ${quoteIdent(getTableName(table))} (${columns.map(([, c]) => quoteIdent(c.name)).join(', ')}) values `;
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(start, start + chunk) as Record<string, unknown>[]) {
      const cells: string[] = [];
      for (const [key, column] of columns) {
        const value = row[key];
        if (value === undefined) {
          cells.push('default');
        } else {
          params.push(value === null ? null : column.mapToDriverValue(value));
          cells.push(`$${params.length}`);
        }
      }
      tuples.push(`(${cells.join(', ')})`);
    }
    await driverOf(db).query(head + tuples.join(', '), params);
  }
  return rows.length;
}

interface DriverClient {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/**
 * The driver connection under a drizzle handle: node-postgres's client (or pool) and PGlite's
 * instance (or transaction) both answer `query(text, params)`. Inside a transaction it is the
 * transaction's own connection, so the rows land in it.
 */
function driverOf(db: Db): DriverClient {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('bulkInsert: no driver client under this handle');
  return client;
}

/**
 * Runs `work` with the plain (non-unique, not constraint-backed) indexes of `tables` dropped, then
 * builds them again from their own definitions (`pg_indexes.indexdef`): one sorted build per index
 * instead of maintaining it row by row. Unique indexes and keys stay, so constraints still hold
 * while loading. In the load's transaction, so a failure leaves the indexes as they were.
 */
export async function withIndexesDeferred<T>(db: Db, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  const client = driverOf(db);
  const found = (await client.query(
    `select i.indexname as name, i.indexdef as def
       from pg_indexes i
       join pg_class c on c.relname = i.indexname and c.relnamespace = (select oid from pg_namespace where nspname = i.schemaname)
       join pg_index x on x.indexrelid = c.oid
      where i.schemaname = current_schema() and i.tablename = any($1) and not x.indisunique`,
    [tables],
  )) as { rows: { name: string; def: string }[] };
  for (const index of found.rows) await client.query(`drop index ${quoteIdent(index.name)}`, []);
  const result = await work();
  for (const index of found.rows) await client.query(index.def, []);
  return result;
}
