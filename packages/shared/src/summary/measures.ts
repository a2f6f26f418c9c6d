import type { CareRecordKind, CareRuleKind } from '../enums/care';
import type { SummaryParagraph } from '../schemas/reports';
import type { DraftContext } from './draft';
import { byCount, joinList, percent, vary } from './phrasing';

const careOf = (c: DraftContext, kind: CareRecordKind) =>
  c.f.care.find((x) => x.kind === kind) ?? { kind, records: 0, children: 0 };

/** The rate of a duty kind when something was done (a rate of 0% belongs in 四、存在问题). */
function completion(c: DraftContext, kind: CareRuleKind) {
  const row = c.f.compliance?.find((x) => x.kind === kind);
  return row && row.due > 0 && row.done > 0 ? { numerator: row.done, denominator: row.due } : null;
}

const rateOf = (r: { numerator: number; denominator: number } | null) => (r ? r.numerator / r.denominator : 0);

/** 二、主要工作措施: organisation, pairing, talks, home visits, contact with families, health, activities. */
export function measuresSection(c: DraftContext): SummaryParagraph[] {
  const { f, words } = c;
  const out: SummaryParagraph[] = [];

  const org = c.paragraph('measures.organization', 'measures', '1、加强领导，明确责任');
  org.say(
    f.unit.kind === 'school' || f.unit.kind === 'class'
      ? '学校成立了以校长为组长、教导主任为副组长、各班主任为成员的关爱留守儿童工作领导小组，制定工作计划，把关爱任务分解到班级、落实到人。'
      : `${words.body}成立了关爱留守儿童工作小组，明确儿童督导员、儿童主任的职责，建立定期走访和情况报告制度。`,
  );
  out.push(org.done());

  const pair = c.paragraph('measures.pairing', 'measures', '2、结对帮扶，责任到人');
  const coverage = percent(f.pairing.coverage);
  if (f.pairing.coverage.numerator === 0) {
    pair.say(
      f.leftBehind === 0
        ? '目前没有需要结对的留守儿童，结对帮扶制度将在新发现留守儿童时及时启动。'
        : '本学期尚未建立结对帮扶关系，下学期将优先为每一名留守儿童落实帮扶教师或代理家长。',
    );
  } else {
    const helpers = byCount(f.pairing.helpers, {
      zero: '',
      one: () => `由${pair.fig('helpers', 1, '1名')}帮扶人`,
      many: (n) => `由${pair.fig('helpers', n, `${n}名`)}教师和志愿者`,
    });
    const kinds = f.pairing.byKind
      .filter((k) => k.children > 0)
      .map(
        (k) =>
          `${k.kind === 'proxy_parent' ? '代理家长' : k.kind === 'holiday_tutor' ? '假期老师' : k.kind === 'buddy_student' ? '爱心同学' : '帮扶教师'}结对${k.children}名`,
      );
    pair.say(
      `${vary(c.seed, 'pairing', ['实施教职工结对帮扶制度，', '坚持“一对一”结对帮扶，', '在留守儿童中确立帮扶对象，'])}${helpers}与${pair.fig('pairing', f.pairing.coverage.numerator, `${f.pairing.coverage.numerator}名`)}留守儿童结成帮扶对子，结对覆盖率${coverage === '100%' ? '达到' : '为'}${coverage}${kinds.length > 1 ? `（${joinList(kinds)}）` : ''}。帮扶人经常与孩子谈心，关心生活、指导学习，当好孩子的“代理家长”。`,
    );
  }
  out.push(pair.done());

  const talk = c.paragraph('measures.talks', 'measures', '3、经常谈心，关注成长');
  const talks = careOf(c, 'talk');
  const talkRate = percent(completion(c, 'talk'));
  talk.say(
    byCount(talks.records, {
      zero: `本学期系统中还没有谈心记录，${words.carers}与留守儿童的谈心需及时记录在案。`,
      one: () => `本学期${words.carers}与留守儿童谈心${talk.fig('care.talk', 1, '1次')}。`,
      many: (n) =>
        `${vary(c.seed, 'talks', ['坚持每月与留守儿童谈心，', '要求班主任每月至少与留守儿童谈心一次，', '把谈心作为日常关爱的第一件事，'])}本学期共谈心${talk.fig('care.talk', n, `${n}次`)}${talks.children > 0 ? `，覆盖留守儿童${talk.fig('care.talk', talks.children, `${talks.children}名`)}` : ''}${talkRate ? `，按月谈心任务完成率${talk.fig('compliance.talk', rateOf(completion(c, 'talk')), talkRate)}` : ''}，及时掌握孩子的思想动态。`,
    }),
  );
  out.push(talk.done());

  const visit = c.paragraph('measures.visits', 'measures', '4、定期家访，家校共育');
  const visits = careOf(c, 'home_visit');
  const visitRate = percent(completion(c, 'home_visit'));
  const parents = careOf(c, 'parent_contact').records;
  const guardians = careOf(c, 'guardian_contact').records;
  const calls = careOf(c, 'family_call').records;
  visit.say(
    byCount(visits.records, {
      zero: '本学期尚无家访记录，期初、期中、期末家访需在下学期补齐并记录。',
      one: () => `本学期开展家访${visit.fig('care.home_visit', 1, '1次')}。`,
      many: (n) =>
        `坚持期初、期中、期末家访，本学期共家访${visit.fig('care.home_visit', n, `${n}次`)}${visits.children > 0 ? `，走进${visit.fig('care.home_visit', visits.children, `${visits.children}名`)}留守儿童家中` : ''}${visitRate ? `，家访任务完成率${visit.fig('compliance.home_visit', rateOf(completion(c, 'home_visit')), visitRate)}` : ''}。`,
    }),
  );
  const contacts = [
    parents > 0 ? `与外出务工家长联系${visit.fig('care.parent_contact', parents, `${parents}次`)}` : '',
    guardians > 0 ? `与临时监护人沟通${visit.fig('care.guardian_contact', guardians, `${guardians}次`)}` : '',
    calls > 0 ? `组织亲情电话${visit.fig('care.family_call', calls, `${calls}次`)}` : '',
  ].filter(Boolean);
  visit.say(
    contacts.length > 0
      ? `${vary(c.seed, 'contacts', ['同时，', '此外，', '在家校联系上，'])}${joinList(contacts)}，让家长及时了解孩子的学习和生活情况。`
      : '与家长、监护人的联系和亲情电话本学期尚无记录，下学期将按月落实。',
  );
  out.push(visit.done());

  const health = c.paragraph('measures.health', 'measures', '5、关注健康，定期体检');
  if (f.health === null) {
    health.notYet('（体检数据尚未接入，请根据实际情况填写本学期体检开展情况。）');
  } else {
    health.say(
      byCount(f.health.checked, {
        zero: '本学期尚未开展体检，下学期将联系卫生院为留守儿童安排免费体检。',
        many: (n) =>
          `${vary(c.seed, 'health', ['为了留守儿童的健康成长，', '坚持有病早发现、早治疗，'])}本学期为${health.fig('health', n, `${n}名`)}儿童安排了体检${byCount(f.health!.referrals, { zero: '，未发现需要转诊的情况', many: (r) => `，其中${health.fig('health', r, `${r}名`)}已转介进一步诊治` })}。`,
      }),
    );
  }
  out.push(health.done());

  const act = c.paragraph('measures.activities', 'measures', '6、开展活动，快乐成长');
  if (f.activities === null) {
    act.notYet('（活动记录尚未接入，请补充本学期开展的关爱活动及亮点。）');
  } else {
    const a = f.activities;
    const names = a.highlights.slice(0, 3).map((h) => `“${h.title}”`);
    act.say(
      byCount(a.count, {
        zero: '本学期尚未登记关爱活动，下学期将结合节日组织主题活动。',
        many: (n) =>
          `本学期共开展关爱活动${act.fig('activities', n, `${n}次`)}${names.length > 0 ? `，包括${joinList(names)}等` : ''}，参与儿童${act.fig('activities', a.participants, `${a.participants}人次`)}${a.leftBehindParticipants > 0 ? `，其中留守儿童${act.fig('activities', a.leftBehindParticipants, `${a.leftBehindParticipants}人次`)}` : ''}，做到“活动上优先安排”。`,
      }),
    );
  }
  out.push(act.done());
  return out;
}
