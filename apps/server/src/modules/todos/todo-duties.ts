import type { CareFrequency, ChildFacts, Duty, RecordFact, ScheduleRule, TermSpan } from '@shouwang/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../../db/prepared';
import type { RequestContext } from '../../lib/context';
import { loadSchoolsCare } from '../care-rules/care-rules.service';
import { pairingFactsOf } from '../pairings/pairings.repository';
import { externalDutyTables } from './duty-sources';
import { owedDuties } from './owed-duties';
import type { DutyChild } from './schedule-facts.repository';

/** What one statement answers per school: its rules, the term holding the day, the records in it. */
interface SchoolInputs {
  schoolId: string;
  hasSetting: boolean;
  rules: Omit<ScheduleRule, 'active'>[] | null;
  term: TermSpan | null;
  records: RecordFact[] | null;
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
const asOf = sql`${sql.placeholder('asOf')}::date`;
/** The school's county: every distributed table is pinned to it (docs/SCALING.md). */
const county = sql`${sql.placeholder('countyId')}::uuid`;
/** The school's live active rules; pairing rules only when the caller is paired with someone. */
const ruleOfSchool = (r: string) => {
  const a = sql.raw(r);
  return sql`${a}.county_id = ${county} and ${a}.school_id = s.school_id and ${a}.deleted_at is null and ${a}.active
    and (${sql.placeholder('withPairingRules')}::boolean or ${a}.responsible_pairing_kind is null)`;
};
/** The school's children (`k`). */
const kids = sql`unnest(${sql.placeholder('kids')}::uuid[]) as k (child_id)`;

function schoolInputsQuery(db: Db) {
  const external = externalDutyTables().map(
    ({ kind, table, date }) => sql`select x.id, x.child_id, ${kind}::text as kind, x.${date} as occurred_on
      from ${kids} join ${table} x on x.county_id = ${county} and x.child_id = k.child_id
        and x.${date} between t.start_date and least(${asOf}, t.end_date) and x.deleted_at is null
        and exists (select 1 from care_rule r where ${ruleOfSchool('r')} and r.kind = ${kind})`,
  );
  const records = sql`select cr.id, cr.child_id, cr.kind, cr.occurred_on
      from ${kids} join care_record cr on cr.county_id = ${county} and cr.child_id = k.child_id
        and cr.kind in (select r.kind from care_rule r where ${ruleOfSchool('r')})
        and cr.occurred_on between t.start_date and least(${asOf}, t.end_date) and cr.deleted_at is null`;
  return db
    .select({
      schoolId: sql<string>`s.school_id`,
      hasSetting: sql<boolean>`exists (select 1 from care_setting cs where cs.county_id = ${county} and cs.school_id = s.school_id)`,
      rules: sql<SchoolInputs['rules']>`(select json_agg(json_build_object('id', r.id, 'kind', r.kind,
        'frequency', r.frequency, 'windowDays', r.window_days, 'categories', coalesce(r.categories, '{}'),
        'careLevels', coalesce(r.care_levels, '{}'), 'responsibleRole', r.responsible_role,
        'responsiblePairingKind', r.responsible_pairing_kind)) from care_rule r where ${ruleOfSchool('r')})`,
      term: sql<TermSpan | null>`case when t.start_date is null then null
        else json_build_object('startDate', t.start_date, 'midDate', t.mid_date, 'endDate', t.end_date) end`,
      records: sql<RecordFact[] | null>`case when t.start_date is null then null else (
        select json_agg(json_build_object('id', rec.id, 'childId', rec.child_id, 'kind', rec.kind,
          'occurredOn', rec.occurred_on))
        from (${sql.join([records, ...external], sql` union all `)}) rec) end`,
    })
    .from(
      sql`(select ${sql.placeholder('schoolId')}::uuid as school_id, ${sql.placeholder('countyId')}::uuid as county_id) s
      left join lateral (
        select * from (
          select distinct on (x.school_year, x.term_no) x.school_year, x.term_no, x.start_date, x.mid_date, x.end_date
          from term x join org o on o.id = x.org_id
          where x.deleted_at is null and x.org_id in (s.county_id, s.school_id)
          order by x.school_year desc, x.term_no desc, (x.org_id = s.school_id) desc
        ) y
        where y.start_date <= ${asOf} and ${asOf} <= y.end_date
        order by y.school_year desc, y.term_no desc
        limit 1) t on true`,
    )
    .prepare('todo_school_inputs');
}

// Built once per database handle (not per request): PostgreSQL plans it once per connection.
const prepared = preparedPerDb(schoolInputsQuery);

/**
 * Per school of `children` (one execution each: a class teacher has one school, and a plan for one
 * school lets PostgreSQL keep a generic plan): whether its care settings exist, its active rules (pairing rules only
 * `withPairingRules`), its effective term holding `asOf` (as `listEffectiveTerms` + `termOn`: the
 * county's terms, a school's own term of the same year and number in its place), and the children's
 * records of the rules' kinds from the term's first day to `asOf`, from every duty source (schedule
 * indexes). One prepared statement for what `loadSchoolsCare`, `termOn` and `dutyRecordFactsOf`
 * read in four.
 */
async function schoolInputs(db: Db, children: DutyChild[], day: string, withPairingRules: boolean) {
  const schools = new Map<string, DutyChild[]>();
  for (const c of children) if (c.schoolId) schools.set(c.schoolId, [...(schools.get(c.schoolId) ?? []), c]);
  const run = prepared(db);
  const rows = await Promise.all(
    [...schools].map(([schoolId, group]) =>
      run.execute({
        asOf: day,
        withPairingRules,
        schoolId,
        countyId: group[0]!.countyId,
        kids: uuidArray(group.map((c) => c.id)),
      }),
    ),
  );
  return rows.flat() as SchoolInputs[];
}

/**
 * The care duties on a to-do list: for each school of `children`, its active rules over its term
 * holding `asOf`, what is overdue and what falls due by `dueBy` (see `owedDuties`) — the same as
 * `evaluateDuties` + `outstandingDuties`, in one statement (two when the caller is paired and the
 * school has pairing rules) and without working out the whole schedule.
 */
export async function todoDuties(
  db: Db,
  ctx: RequestContext,
  children: DutyChild[],
  facts: Map<string, ChildFacts>,
  options: { asOf: string; dueBy: string; withPairingRules: boolean },
): Promise<{ duties: Duty[]; frequencies: Map<string, CareFrequency> }> {
  const duties: Duty[] = [];
  const frequencies = new Map<string, CareFrequency>();
  if (!children.some((c) => c.schoolId)) return { duties, frequencies };
  let schools = await schoolInputs(db, children, options.asOf, options.withPairingRules);
  const unset = schools.filter((s) => !s.hasSetting).map((s) => s.schoolId);
  if (unset.length > 0) {
    // A school nobody has needed the rules of yet: its defaults are written first (loadSchoolsCare).
    await loadSchoolsCare(db, ctx, unset);
    schools = await schoolInputs(db, children, options.asOf, options.withPairingRules);
  }
  for (const school of schools) {
    if (!school.term || !school.rules) continue;
    const group = children.filter((c) => c.schoolId === school.schoolId);
    const rules: ScheduleRule[] = school.rules.map((r) => ({ ...r, active: true }));
    for (const r of rules) frequencies.set(r.id, r.frequency);
    const ids = group.map((c) => c.id);
    const pairings = rules.some((r) => r.responsiblePairingKind)
      ? await pairingFactsOf(db, [group[0]!.countyId], ids)
      : [];
    duties.push(
      ...owedDuties({
        rules,
        term: school.term,
        children: ids.map((id) => facts.get(id)!),
        pairings,
        records: school.records ?? [],
        asOf: options.asOf,
        dueBy: options.dueBy,
      }),
    );
  }
  return { duties, frequencies };
}
