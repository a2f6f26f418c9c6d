import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';

/** Rows per statement: one JSON parameter each, a few MB of text at most. */
const rowsPerStatement = 2_000;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A value as the JSON that `json_populate_recordset` turns back into the column's type. */
function jsonValue(column: PgColumn, value: unknown): unknown {
  if (value === null) return null;
  // Arrays and jsonb stay JSON (a JSON array fills a PostgreSQL array); the rest is the column's
  // own driver value (dates and timestamps as ISO text), as drizzle would send it.
  if (column.columnType === 'PgArray' || column.columnType === 'PgJsonb' || column.columnType === 'PgJson')
    return value;
  return column.mapToDriverValue(value);
}

/**
 * Multi-row INSERTs that send each chunk of rows as ONE JSON parameter, unpacked by
 * `json_populate_recordset`. With one parameter per cell (gen/bulk-insert.ts) a 10,000-child
 * import sends ~900,000 parameters, and PGlite's wire encoder, written in JavaScript, spends
 * seconds on them; one JSON text per chunk costs a native `JSON.stringify` and one parse in
 * the database. A statement holds rows that set the same columns, so a column a row leaves
 * undefined still takes its default (as with drizzle's insert).
 */
export async function insertAsJson<T extends PgTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const tableName = quoteIdent(getTableName(table));
  const insert = async (keys: string[], members: Record<string, unknown>[]) => {
    const names = keys.map((k) => quoteIdent(columns[k]!.name)).join(', ');
    const text =
      `insert into ${tableName} (${names}) ` +
      `select ${names} from json_populate_recordset(null::${tableName}, $1::json)`;
    const json = members.map((row) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[columns[k]!.name] = jsonValue(columns[k]!, row[k]);
      return out;
    });
    await driverOf(db).query(text, [JSON.stringify(json)]);
  };
  // Rows that set the same columns go together, each group in the caller's order (rows that set
  // every column, such as audit rows, keep their order and so their serial ids).
  const groups = new Map<string, { keys: string[]; rows: Record<string, unknown>[] }>();
  for (const row of rows as Record<string, unknown>[]) {
    const keys = Object.keys(row)
      .filter((k) => row[k] !== undefined && columns[k])
      .sort();
    const signature = keys.join(',');
    let group = groups.get(signature);
    if (!group) {
      group = { keys, rows: [] };
      groups.set(signature, group);
    }
    group.rows.push(row);
    if (group.rows.length >= rowsPerStatement) {
      await insert(keys, group.rows);
      group.rows = [];
    }
  }
  for (const { keys, rows: rest } of groups.values()) if (rest.length > 0) await insert(keys, rest);
}

interface DriverClient {
  query(text: string, params: unknown[]): Promise<unknown>;
}

/** node-postgres's client or PGlite's instance under a drizzle handle (as gen/bulk-insert.ts). */
function driverOf(db: Db): DriverClient {
  const client = (db as unknown as { session?: { client?: DriverClient } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('insertAsJson: no driver client under this handle');
  return client;
}
