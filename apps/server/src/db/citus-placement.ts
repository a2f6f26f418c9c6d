/**
 * Where each table would live on Citus (docs/SCALING.md), with county_id as the distribution
 * column. citus-readiness.test.ts compares this list with the migrated database: a new table fails
 * that test until it is placed here.
 *
 * - distributed: sharded by county_id (NOT NULL), co-located with `child`; a county's rows sit on
 *   one node, so a query that names the county runs on that node alone.
 * - reference: a full copy on every node (small, read on every request, joined with everything).
 * - local: on the coordinator only.
 */
export type Placement = 'distributed' | 'reference' | 'local';

export const citusPlacement: Record<string, { placement: Placement; why: string }> = {
  // The archive (issue 3) and everything about one child.
  child: { placement: 'distributed', why: 'the archive; every child-owned row is co-located with it' },
  child_category: { placement: 'distributed', why: 'child-owned' },
  child_enrollment: { placement: 'distributed', why: 'child-owned' },
  parent: { placement: 'distributed', why: 'child-owned' },
  guardian: { placement: 'distributed', why: 'child-owned' },
  guardian_entrustment: { placement: 'distributed', why: 'child-owned' },
  attachment: { placement: 'distributed', why: 'child-owned (photos, scans, signed forms)' },
  pairing: { placement: 'distributed', why: 'child-owned' },
  care_record: { placement: 'distributed', why: 'child-owned; the largest table' },
  health_check: { placement: 'distributed', why: 'child-owned' },
  study_plan: { placement: 'distributed', why: 'child-owned' },
  grade: { placement: 'distributed', why: 'child-owned' },
  counseling_session: { placement: 'distributed', why: 'child-owned' },
  child_risk_level: { placement: 'distributed', why: 'child-owned' },
  concern: { placement: 'distributed', why: 'child-owned (强制报告)' },
  concern_event: { placement: 'distributed', why: 'belongs to a concern' },
  mailbox_box: { placement: 'distributed', why: "a school's mailbox; its messages live beside it" },
  mailbox_message: { placement: 'distributed', why: 'may be linked to a child' },
  pledge: { placement: 'distributed', why: 'child-owned' },
  self_evaluation: { placement: 'distributed', why: 'child-owned' },
  activity: { placement: 'distributed', why: "a school's activity; joined with its participations" },
  activity_participation: { placement: 'distributed', why: 'child-owned' },
  activity_room_slot: { placement: 'distributed', why: "a school's schedule" },
  activity_room_visit: { placement: 'distributed', why: 'child-owned' },
  aid: { placement: 'distributed', why: 'child-owned' },
  fund_ledger_entry: { placement: 'distributed', why: "a school's ledger, may point at an activity" },
  letter_template: { placement: 'distributed', why: "a school's letter" },
  letter_delivery: { placement: 'distributed', why: 'child-owned' },
  child_consent: { placement: 'distributed', why: 'child-owned' },
  correction_request: { placement: 'distributed', why: 'child-owned' },
  child_anonymization: { placement: 'distributed', why: 'child-owned' },
  privacy_officer: { placement: 'distributed', why: 'one row per county (county_id is the key)' },
  care_rule: { placement: 'distributed', why: "a school's duties; joined with its children's records" },
  care_setting: { placement: 'distributed', why: "a school's settings" },
  compliance_state: { placement: 'distributed', why: "a school's cached compliance" },
  compliance_tally: { placement: 'distributed', why: "a school's cached compliance" },
  compliance_window: { placement: 'distributed', why: "a county's computed compliance period sets" },
  kpi_tally: { placement: 'distributed', why: "a county's cached KPIs, per school and class" },
  kpi_tally_extra: { placement: 'distributed', why: "a county's cached breakdowns and panels, per school" },
  kpi_window: { placement: 'distributed', why: "a county's cached KPI windows" },
  kpi_dirty: { placement: 'distributed', why: "a county's buckets to recompute" },
  assessment_score: { placement: 'distributed', why: "a county's rubric scores of its staff" },
  work_summary: { placement: 'distributed', why: "a unit's term report" },
  kpi_target: { placement: 'distributed', why: "a unit's targets" },
  // The tree and the people: small, read on every request, joined with every distributed table.
  org: { placement: 'reference', why: 'the org tree; scope checks and names join it everywhere' },
  term: { placement: 'reference', why: 'a few rows per county and year; joined by grades, letters, plans' },
  app_user: { placement: 'reference', why: 'accounts; the session lookup and every author name join it' },
  role_assignment: { placement: 'reference', why: 'read on every request to build the actor' },
  // Coordinator only.
  session: { placement: 'local', why: 'looked up by token hash on every request, before the county is known' },
  audit_event: {
    placement: 'local',
    why: 'append-only and cross-county; province and sign-in events have no county (county_id NULL)',
  },
};

/** The tables sharded by county_id. */
export const distributedTables = Object.entries(citusPlacement)
  .filter(([, p]) => p.placement === 'distributed')
  .map(([name]) => name);
