import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ChildFixture } from '../../test/factories';
import { activity, activityParticipation, activityRoomVisit } from '../activities/activities.table';
import { aid } from '../aid/aid.table';
import { careRecord } from '../care-records/care-records.table';
import { childCategory, childEnrollment } from '../children/children.table';
import { concern, concernEvent } from '../concerns/concerns.table';
import { childRiskLevel, counselingSession } from '../counseling/counseling.table';
import { sealCounseling } from '../counseling/counseling-cipher';
import { healthCheck } from '../health-checks/health-checks.table';
import { studyPlan } from '../learning/learning.table';
import { mailboxBox, mailboxMessage } from '../mailbox/mailbox.table';
import { pledge, selfEvaluation } from '../pledges/pledges.table';

/** The free texts staff write about a child in the other modules; each must leave the database. */
export const recordTexts = {
  summary: '晓峰说爸爸过年没回来，哭了很久',
  problems: '晚上一个人在家不敢睡',
  topic: '想念在东莞打工的妈妈',
  homeConditions: '土坯房漏雨，奶奶腿脚不便',
  guardianView: '奶奶说管不住孩子玩手机',
  presentingConcern: '担心继父喝酒后动手',
  notes: '手臂上有淤青，说是摔的',
  agreedActions: '每周二下午再约一次',
  riskReason: '家中可能存在暴力',
  description: '周末两天没人照看，饭也没吃',
  immediateActions: '已联系村委会主任上门',
  eventNote: '派出所民警已到家中了解',
  shortcomings: '上课总和同桌讲话',
  commitments: '一个月内改掉上课讲话',
  measures: '请同桌提醒，每天自查',
  reviewNote: '讲话少了，作业还要抓',
  content: '数学作业都按时交了',
  gaps: '英语单词背得少',
  planContent: '每周两次课后辅导数学应用题',
  goal: '期中数学考到八十分',
  whatHelped: '用画图讲应用题效果好',
  findings: '右眼近视加深，龋齿两颗',
  referralTo: '县人民医院眼科王医生',
  aidNote: '家里房子塌了一半急需用钱',
  visitNote: '在活动室给妈妈打了电话后情绪好转',
  categoryNote: '父亲服刑，母亲改嫁',
  enrollmentNote: '因家里没人接送转到镇上小学',
} as const;

/** Files one record of every module for `kid` (straight into the tables, as the modules store them). */
export async function seedRecords(db: Db, kid: ChildFixture, staff: { teacherId: string; counselorId: string }) {
  const c = { countyId: kid.countyId, childId: kid.id, schoolId: kid.schoolId };
  const x = recordTexts;
  const author = { authorId: staff.teacherId };
  await db.insert(careRecord).values([
    {
      ...c,
      ...author,
      kind: 'talk',
      occurredOn: '2019-03-01',
      summary: x.summary,
      problems: x.problems,
      details: { topic: x.topic, mood: 2 },
      flags: ['outside_term_window'],
    },
    {
      ...c,
      ...author,
      kind: 'home_visit',
      occurredOn: '2019-04-01',
      summary: x.summary,
      details: {
        termWindow: 'middle',
        present: ['child', 'grandparent'],
        homeConditions: x.homeConditions,
        guardianView: x.guardianView,
      },
    },
    { ...c, ...author, kind: 'family_call', occurredOn: '2019-05-01', summary: x.summary, details: { callMinutes: 5 } },
  ] as (typeof careRecord.$inferInsert)[]);
  await db.insert(childCategory).values({
    countyId: kid.countyId,
    childId: kid.id,
    category: 'de_facto_unsupported',
    startDate: '2018-09-01',
    endDate: '2019-09-01',
    note: x.categoryNote,
  });
  // An older entry than the test's own (the newest still decides who is due).
  await db.insert(childEnrollment).values({
    countyId: kid.countyId,
    childId: kid.id,
    status: 'enrolled',
    date: '2015-09-01',
    note: x.enrollmentNote,
  });
  await db.insert(counselingSession).values({
    ...c,
    counselorId: staff.counselorId,
    sessionOn: '2019-03-02',
    presentingConcern: sealCounseling('presenting_concern', x.presentingConcern),
    notes: sealCounseling('notes', x.notes),
    agreedActions: sealCounseling('agreed_actions', x.agreedActions),
  });
  await db.insert(childRiskLevel).values({
    countyId: kid.countyId,
    childId: kid.id,
    level: 'high',
    reason: sealCounseling('risk_reason', x.riskReason),
    setBy: staff.counselorId,
  });
  const [raised] = await db
    .insert(concern)
    .values({
      ...c,
      reporterId: staff.teacherId,
      category: 'unsupervised',
      severity: 'serious',
      description: x.description,
      immediateActions: x.immediateActions,
      status: 'closed',
      closedAt: new Date('2019-03-10T08:00:00Z'),
    })
    .returning();
  await db.insert(concernEvent).values([
    { countyId: kid.countyId, concernId: raised!.id, kind: 'reported', actorId: staff.teacherId },
    { countyId: kid.countyId, concernId: raised!.id, kind: 'closed', actorId: staff.teacherId, note: x.eventNote },
  ]);
  await db.insert(pledge).values({
    ...c,
    ...author,
    signedOn: '2019-03-03',
    shortcomings: x.shortcomings,
    commitments: x.commitments,
    measures: x.measures,
    deadline: '2019-04-03',
    reviewResult: 'partly_kept',
    reviewNote: x.reviewNote,
    reviewedOn: '2019-04-03',
    reviewedBy: staff.teacherId,
  });
  await db
    .insert(selfEvaluation)
    .values({ ...c, ...author, evaluatedOn: '2019-03-04', aspect: 'study', content: x.content, gaps: x.gaps });
  await db.insert(studyPlan).values({
    ...c,
    ...author,
    subjects: ['math'],
    timeSlots: [{ weekday: 2, start: '16:00', end: '17:00' }],
    content: x.planContent,
    phaseGoals: [
      { goal: x.goal, dueOn: '2019-05-01', achieved: true },
      { goal: `${x.goal}以上`, dueOn: null, achieved: false },
    ],
    whatHelped: x.whatHelped,
  });
  await db.insert(healthCheck).values({
    ...c,
    ...author,
    checkedOn: '2019-03-05',
    heightCm: 130,
    weightKg: 28,
    visionLeft: 4.8,
    visionRight: 4.6,
    findings: x.findings,
    referralNeeded: true,
    referralTo: x.referralTo,
    flags: ['vision_moderate'],
  });
  await db.insert(aid).values({
    ...c,
    type: 'stipend',
    amountFen: 50000,
    items: '助学金',
    givenOn: '2019-03-06',
    note: x.aidNote,
    createdBy: staff.teacherId,
  });
  const [act] = await db
    .insert(activity)
    .values({
      countyId: kid.countyId,
      orgId: kid.schoolId!,
      orgPath: kid.schoolId!,
      type: 'festival',
      title: '中秋节活动',
      occurredOn: '2019-09-13',
      createdBy: staff.teacherId,
    })
    .returning();
  await db.insert(activityParticipation).values({ ...c, activityId: act!.id, role: 'performer', award: '一等奖' });
  await db.insert(activityRoomVisit).values({
    ...c,
    orgId: kid.schoolId!,
    visitedOn: '2019-03-07',
    doings: ['parent_call'],
    note: x.visitNote,
    batchId: crypto.randomUUID(),
    recordedBy: staff.teacherId,
  });
  const [box] = await db
    .insert(mailboxBox)
    .values({ countyId: kid.countyId, schoolId: kid.schoolId!, code: 'anon-test' })
    .returning();
  await db.insert(mailboxMessage).values({
    countyId: kid.countyId,
    schoolId: kid.schoolId!,
    boxId: box!.id,
    bodyCipher: 'v1:placeholder',
    pickupCodeHash: 'anonymize-test-hash',
    childId: kid.id,
  });
}

const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];

/** What statistics count of one child: rows per table, and the kinds, dates, flags and amounts. */
export async function figuresOf(db: Db, childId: string) {
  const result = await db.execute(sql`
    select 'care_record' as t, count(*)::int as n,
      string_agg(concat_ws(' ', kind, occurred_on, flags, follow_up_needed), ';' order by occurred_on) as facts
      from care_record where child_id = ${childId}
    union all select 'child_category', count(*)::int, string_agg(concat_ws(' ', category, start_date), ';') from child_category where child_id = ${childId}
    union all select 'child_enrollment', count(*)::int, string_agg(concat_ws(' ', status, date, destination), ';' order by date) from child_enrollment where child_id = ${childId}
    union all select 'counseling_session', count(*)::int, string_agg(session_on::text, ';') from counseling_session where child_id = ${childId}
    union all select 'child_risk_level', count(*)::int, string_agg(level, ';') from child_risk_level where child_id = ${childId}
    union all select 'concern', count(*)::int, string_agg(concat_ws(' ', category, severity, status), ';') from concern where child_id = ${childId}
    union all select 'concern_event', count(*)::int, string_agg(e.kind, ';' order by e.kind) from concern_event e join concern k on k.id = e.concern_id where k.child_id = ${childId}
    union all select 'pledge', count(*)::int, string_agg(concat_ws(' ', signed_on, review_result), ';') from pledge where child_id = ${childId}
    union all select 'self_evaluation', count(*)::int, string_agg(aspect, ';') from self_evaluation where child_id = ${childId}
    union all select 'study_plan', count(*)::int, string_agg(concat_ws(' ', jsonb_array_length(phase_goals), (select string_agg(concat_ws(' ', g->>'dueOn', g->>'achieved'), ',') from jsonb_array_elements(phase_goals) g)), ';') from study_plan where child_id = ${childId}
    union all select 'health_check', count(*)::int, string_agg(concat_ws(' ', checked_on, referral_needed, flags, height_cm, vision_left), ';') from health_check where child_id = ${childId}
    union all select 'aid', count(*)::int, string_agg(concat_ws(' ', type, amount_fen, items), ';') from aid where child_id = ${childId}
    union all select 'activity_participation', count(*)::int, string_agg(concat_ws(' ', role, award), ';') from activity_participation where child_id = ${childId}
    union all select 'activity_room_visit', count(*)::int, string_agg(visited_on::text, ';') from activity_room_visit where child_id = ${childId}
    order by 1`);
  return rowsOf(result);
}

/** Every row of every table in the public schema, as JSON text: what a stolen dump would show. */
export async function dumpDatabase(db: Db): Promise<string> {
  const tables = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { name } of rowsOf(tables) as { name: string }[]) {
    const rows = await db.execute(sql.raw(`select row_to_json(t)::text as j from "${name}" t`));
    for (const r of rowsOf(rows)) parts.push(String(r.j));
  }
  return parts.join('\n');
}
