import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db';
import { citusPlacement, distributedTables } from './citus-placement';
import type { Database } from './client';

/**
 * The evidence of docs/SCALING.md, read from the migrated database (so hand-written SQL in the
 * migrations counts too): every table is placed, every distributed or child-holding table carries
 * county_id, and what Citus would refuse is either absent or on the list the document explains.
 */

let database: Database;
const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

let tables: string[];
let columns: Map<string, Map<string, { nullable: boolean }>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tables = (
    await rows<{ table_name: string }>(sql`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  ).map((r) => r.table_name);
  columns = new Map();
  for (const c of await rows<{ table_name: string; column_name: string; is_nullable: string }>(
    sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'`,
  )) {
    if (!columns.has(c.table_name)) columns.set(c.table_name, new Map());
    columns.get(c.table_name)!.set(c.column_name, { nullable: c.is_nullable === 'YES' });
  }
});
afterAll(() => database.close());

/**
 * Unique indexes on distributed tables that do not contain county_id. Citus refuses them as they
 * are; docs/SCALING.md says what each becomes. Adding county_id to one (or dropping it) must remove
 * it here; a new one must be added here and to the document.
 */
const uniqueWithoutCounty: Record<string, string> = {
  activity_participation_uq: 'add county_id (a child and an activity are in one county)',
  care_record_idempotency_uq: 'add county_id',
  care_setting_school_uq: 'add county_id (a school is in one county)',
  child_category_open_uq: 'add county_id',
  guardian_primary_uq: 'add county_id',
  health_check_idempotency_uq: 'add county_id',
  mailbox_box_school_uq: 'add county_id',
  mailbox_box_code_uq: 'global: the public page /m/:code knows no county — a reference table code → county',
  mailbox_message_pickup_uq: 'global: the pickup code is typed without a county — a reference table hash → county',
  work_summary_org_term_uq: 'add county_id',
  kpi_target_org_term_uq: 'add county_id',
  assessment_score_uq: 'add county_id',
  letter_template_term_kind_uq: 'add county_id',
  compliance_state_pkey: 'primary key (county_id, school_id)',
  child_anonymization_pkey: 'primary key (county_id, child_id)',
};

describe('Citus readiness of the schema (docs/SCALING.md)', () => {
  it('places every table of the migrated database, and only those', () => {
    const unplaced = tables.filter((t) => !citusPlacement[t]);
    expect(unplaced, 'new tables: add them to db/citus-placement.ts and docs/SCALING.md').toEqual([]);
    const stale = Object.keys(citusPlacement).filter((t) => !tables.includes(t));
    expect(stale, 'placed tables that no longer exist').toEqual([]);
  });

  it('gives every distributed table a NOT NULL county_id', () => {
    for (const table of distributedTables) {
      const county = columns.get(table)?.get('county_id');
      expect(county, `${table}.county_id`).toBeDefined();
      expect(county!.nullable, `${table}.county_id must be NOT NULL (Citus refuses NULL distribution values)`).toBe(
        false,
      );
    }
  });

  it('gives every table that holds child_id a county_id, and distributes it unless it is on the coordinator', () => {
    const holding = tables.filter((t) => columns.get(t)?.has('child_id'));
    expect(holding.length).toBeGreaterThan(20);
    for (const table of holding) {
      expect(columns.get(table)!.has('county_id'), `${table} holds child_id but no county_id`).toBe(true);
      expect(citusPlacement[table]?.placement, `${table} holds child_id`).not.toBe('reference');
    }
    // The only child-holding table not sharded is the audit log (docs/SCALING.md, cross-county queries).
    expect(holding.filter((t) => citusPlacement[t]?.placement !== 'distributed')).toEqual(['audit_event']);
  });

  it('keys every distributed table by id alone (to become (county_id, id)), by county_id, or not at all', async () => {
    const keys = await rows<{ table: string; cols: string }>(sql`
      select t.relname as table, string_agg(a.attname, ',' order by a.attnum) as cols
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = any(i.indkey)
      where n.nspname = 'public' and i.indisprimary group by t.relname`);
    const byTable = new Map(keys.map((k) => [k.table, k.cols.split(',')]));
    for (const table of distributedTables) {
      const cols = byTable.get(table) ?? ['county_id'];
      // compliance_state and child_anonymization are keyed by school_id / child_id (listed below).
      const ok =
        cols.includes('county_id') || (cols.length === 1 && ['id', 'school_id', 'child_id'].includes(cols[0]!));
      expect(ok, `${table} primary key (${cols})`).toBe(true);
    }
  });

  it('lists every unique index of a distributed table that lacks county_id, and no other', async () => {
    const uniques = await rows<{ index: string; table: string; def: string; primary: boolean }>(sql`
      select ic.relname as index, t.relname as table, pg_get_indexdef(i.indexrelid) as def, i.indisprimary as primary
      from pg_index i join pg_class t on t.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and i.indisunique`);
    const lacking = uniques
      .filter((u) => distributedTables.includes(u.table))
      // A primary key on id alone is the blanket rule (id → (county_id, id)), not an exception.
      .filter((u) => !(u.primary && /\(id\)$/.test(u.def)))
      .filter((u) => !/county_id/.test(u.def.replace(/ WHERE .*$/, '')))
      .map((u) => u.index)
      .sort();
    expect(lacking).toEqual(Object.keys(uniqueWithoutCounty).sort());
  });

  it('has foreign keys only where Citus allows them: to a reference table, or between distributed tables', async () => {
    const fks = await rows<{ from: string; to: string; def: string }>(sql`
      select c.conrelid::regclass::text as from, c.confrelid::regclass::text as to, pg_get_constraintdef(c.oid) as def
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
    expect(fks.length).toBeGreaterThan(40);
    const placement = (t: string) => citusPlacement[t.replace(/^"|"$/g, '')]?.placement;
    for (const fk of fks) {
      const [from, to] = [placement(fk.from), placement(fk.to)];
      const allowed = to === 'reference' || (from === 'distributed' && to === 'distributed') || from === to;
      expect(allowed, `${fk.from} → ${fk.to} (${from} → ${to}): ${fk.def}`).toBe(true);
    }
    // Between distributed tables the key must name the county on both sides: both carry it.
    for (const fk of fks.filter((f) => placement(f.from) === 'distributed' && placement(f.to) === 'distributed')) {
      expect(columns.get(fk.from)?.has('county_id') && columns.get(fk.to)?.has('county_id'), fk.def).toBe(true);
    }
  });
});
