import type { CareFrequency, ChildFacts, Duty, RecordFact, ScheduleRule, TermSpan } from '@shouwang/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { loadSchoolsCare } from '../care-rules/care-rules.service';
import { pairingFactsOf } from '../pairings/pairings.repository';
import { rowsOf } from '../stats/stats.repository';
import { externalRecordsRelation } from './duty-sources';
import { owedDuties } from './owed-duties';
import type { DutyChild } from './schedule-facts.repository';

/** What one statement answers per school: its rules, the term holding the day, the records in it. */
interface SchoolInputs {
  school_id: string;
  has_setting: boolean;
  rules: (Omit<ScheduleRule, 'active'> & { schoolId: string })[] | null;
  term: TermSpan | null;
  records: RecordFact[] | null;
}

const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * Per school of `kids`: whether its care settings exist, its active rules (pairing rules only
 * `withPairingRules`), its effective term holding `asOf` (as `listEffectiveTerms` + `termOn`: the
 * county's terms, a school's own term of the same year and number in its place), and the kids'
 * records of the rules' kinds from the term's first day to `asOf`, from every duty source (schedule
 * indexes). One statement for what `loadSchoolsCare`, `termOn` and `dutyRecordFactsOf` read in four.
 */
async function schoolInputs(db: Db, kids: DutyChild[], asOf: string, withPairingRules: boolean) {
  const schools = new Map<string, string>();
  for (const c of kids) if (c.schoolId) schools.set(c.schoolId, c.countyId);
  const withSchool = kids.filter((c) => c.schoolId);
  const external: SQL[] = externalRecordsRelation('k', 'r', 't');
  const result = await db.execute(sql`
    with s as (
      select * from unnest(${uuidArray([...schools.keys()])}::uuid[], ${uuidArray([...schools.values()])}::uuid[])
        as s (school_id, county_id)),
    k as (
      select * from unnest(${uuidArray(withSchool.map((c) => c.id))}::uuid[],
        ${uuidArray(withSchool.map((c) => c.schoolId!))}::uuid[], ${uuidArray(withSchool.map((c) => c.countyId))}::uuid[])
        as k (child_id, school_id, county_id)),
    r as materialized (
      select r.id, r.school_id, r.kind, r.frequency, r.window_days, coalesce(r.categories, '{}') as categories,
        coalesce(r.care_levels, '{}') as care_levels, r.responsible_role, r.responsible_pairing_kind
      from care_rule r join s on s.school_id = r.school_id
      where r.deleted_at is null and r.active
        and (${withPairingRules}::boolean or r.responsible_pairing_kind is null)),
    t as materialized (
      select s.school_id, e.start_date, e.mid_date, e.end_date, e.start_date as p_start,
        least(${asOf}::date, e.end_date) as p_end
      from s cross join lateral (
        select * from (
          select distinct on (x.school_year, x.term_no) x.school_year, x.term_no, x.start_date, x.mid_date, x.end_date
          from term x join org o on o.id = x.org_id
          where x.deleted_at is null and x.org_id in (s.county_id, s.school_id)
          order by x.school_year desc, x.term_no desc, (x.org_id = s.school_id) desc
        ) y
        where y.start_date <= ${asOf}::date and ${asOf}::date <= y.end_date
        order by y.school_year desc, y.term_no desc
        limit 1) e),
    rec as (
      select cr.id, cr.child_id, cr.kind, cr.occurred_on, k.school_id
      from k join t on t.school_id = k.school_id
      join care_record cr on cr.county_id = k.county_id and cr.child_id = k.child_id
        and cr.kind in (select r.kind from r where r.school_id = k.school_id)
        and cr.occurred_on between t.p_start and t.p_end and cr.deleted_at is null
      ${external.length > 0 ? sql`union all ${sql.join(external, sql` union all `)}` : sql``})
    select s.school_id,
      exists (select 1 from care_setting cs where cs.school_id = s.school_id) as has_setting,
      (select json_agg(json_build_object('id', r.id, 'schoolId', r.school_id, 'kind', r.kind,
         'frequency', r.frequency, 'windowDays', r.window_days, 'categories', r.categories,
         'careLevels', r.care_levels, 'responsibleRole', r.responsible_role,
         'responsiblePairingKind', r.responsible_pairing_kind))
       from r where r.school_id = s.school_id) as rules,
      (select json_build_object('startDate', t.start_date, 'midDate', t.mid_date, 'endDate', t.end_date)
       from t where t.school_id = s.school_id) as term,
      (select json_agg(json_build_object('id', rec.id, 'childId', rec.child_id, 'kind', rec.kind,
         'occurredOn', rec.occurred_on))
       from rec where rec.school_id = s.school_id) as records
    from s`);
  return rowsOf<SchoolInputs>(result);
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
  const unset = schools.filter((s) => !s.has_setting).map((s) => s.school_id);
  if (unset.length > 0) {
    // A school nobody has needed the rules of yet: its defaults are written first (loadSchoolsCare).
    await loadSchoolsCare(db, ctx, unset);
    schools = await schoolInputs(db, children, options.asOf, options.withPairingRules);
  }
  for (const school of schools) {
    if (!school.term || !school.rules) continue;
    const group = children.filter((c) => c.schoolId === school.school_id);
    const rules: ScheduleRule[] = school.rules.map(({ schoolId: _s, ...r }) => ({ ...r, active: true }));
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
