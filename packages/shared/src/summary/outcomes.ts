import type { SummaryParagraph } from '../schemas/reports';
import type { DraftContext } from './draft';
import { byCount, joinList, percent, vary } from './phrasing';

const kindWords: Record<string, string> = {
  talk: '谈心',
  home_visit: '家访',
  parent_contact: '与家长联系',
  guardian_contact: '与监护人沟通',
  family_call: '亲情电话',
  tutoring: '学习辅导',
  life_care: '生活照顾',
  growth_diary: '成长日记',
  health_check: '体检',
  letter: '致家长的一封信',
};

/** 三、取得成效: grades, awards, retention. */
export function resultsSection(c: DraftContext): SummaryParagraph[] {
  const { f } = c;
  const study = c.paragraph('results.study', 'results', null);
  if (f.grades === null) {
    study.notYet('（成绩数据尚未接入，请补充留守儿童本学期的学业进步情况。）');
  } else if (f.grades.compared === 0) {
    study.say('本学期尚未录入可与上学期比较的成绩，学业进步情况待期末成绩录入后补充。');
  } else {
    study.say(
      `${vary(c.seed, 'grades', ['经过一学期的结对帮扶，', '在帮扶教师的耐心辅导下，'])}有成绩对比的${study.fig('grades', f.grades.compared, `${f.grades.compared}名`)}留守儿童中，${byCount(
        f.grades.improved,
        {
          zero: '成绩总体保持稳定，提高幅度还不明显',
          many: (n) => `${study.fig('grades', n, `${n}名`)}成绩较上学期有所提高`,
        },
      )}。`,
    );
  }
  if (f.awards !== null && f.awards.awarded > 0) {
    study.say(
      `在各类评比和竞赛中，获奖的${study.fig('awards', f.awards.awarded, `${f.awards.awarded}位`)}同学中${byCount(
        f.awards.leftBehind,
        {
          zero: '暂无留守儿童，下学期将鼓励留守儿童积极参与',
          many: (n) => `就有${study.fig('awards', n, `${n}人`)}是留守儿童`,
        },
      )}，孩子们切实体会到了成功的快乐。`,
    );
  }
  const stay = c.paragraph('results.retention', 'results', null);
  const retention = percent(f.retention);
  const retentionText =
    retention === null ? null : stay.fig('retention', f.retention.numerator / f.retention.denominator, retention);
  const dropouts = byCount(f.dropouts, {
    zero: '本学期无一名学生辍学',
    one: () => `本学期有${stay.fig('dropouts', 1, '1名')}学生辍学，已安排专人跟进劝返`,
    many: (n) => `本学期有${stay.fig('dropouts', n, `${n}名`)}学生辍学，已逐一安排专人跟进劝返`,
  });
  stay.say(
    retention === null
      ? `${dropouts}。`
      : `留守儿童巩固率${retention === '100%' ? '保持在' : '为'}${retentionText}，${dropouts}。`,
  );
  if (f.leftBehind > 0)
    stay.say(
      vary(c.seed, 'results', [
        '孩子们的行为习惯好了，待人接物礼貌了，自立、自强的意识明显增强。',
        '留守儿童在老师和同学的关心下，学习更安心，生活更开朗。',
      ]),
    );
  return [study.done(), stay.done()];
}

/** 四、存在问题与下一步打算: overdue duties, open follow-ups and concerns, unmet targets, funding. */
export function problemsSection(c: DraftContext): SummaryParagraph[] {
  const { f, words } = c;
  const duties = c.paragraph('problems.duties', 'problems', null);
  if (f.compliance === null) {
    duties.notYet('（关爱任务完成情况尚未统计，请补充逾期未完成的任务。）');
  } else {
    const missed = f.compliance
      .map((x) => ({ kind: x.kind, n: x.due - x.done }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n);
    const total = missed.reduce((a, b) => a + b.n, 0);
    duties.say(
      byCount(total, {
        zero: f.compliance.some((x) => x.due > 0)
          ? '本学期各项关爱任务均按时完成，没有逾期未办的谈心和家访。'
          : '本学期尚无到期的关爱任务。',
        many: (n) =>
          `一是关爱任务落实还不够到位，本学期仍有${duties.fig('overdue', n, `${n}项`)}任务逾期未完成（${missed
            .slice(0, 3)
            .map((x) => `${kindWords[x.kind] ?? x.kind}${x.n}项`)
            .join('、')}），个别教师工作繁忙时记录不及时。`,
      }),
    );
  }
  duties.say(
    byCount(f.followUpsOpen, {
      zero: '',
      many: (n) => `谈心、家访中发现的问题尚有${duties.fig('followUps', n, `${n}条`)}需要继续跟进。`,
    }),
  );
  const risk = c.paragraph('problems.concerns', 'problems', null);
  if (f.concerns === null) {
    risk.notYet('（强制报告事项尚未接入，请补充需持续关注的儿童情况。）');
  } else {
    risk.say(
      byCount(f.concerns.open, {
        zero: f.concerns.closed > 0 ? '本学期报告的关注事项均已办结。' : '本学期没有发生需要强制报告的事项。',
        many: (n) =>
          `目前仍有${risk.fig('concerns', n, `${n}起`)}强制报告事项尚未办结${f.concerns!.overdue > 0 ? `，其中${risk.fig('concerns', f.concerns!.overdue, `${f.concerns!.overdue}起`)}已超过办理时限` : ''}，需会同有关部门抓紧处置。`,
      }),
    );
  }
  if (f.targets !== null) {
    const unmet = f.targets.filter((t) => t.actual !== null && t.actual < t.target);
    risk.say(
      unmet.length === 0
        ? f.targets.length > 0
          ? '本学期设定的各项工作目标均已达成。'
          : ''
        : `${joinList(unmet.map((t) => `${t.label}（目标${Math.round(t.target * 1000) / 10}%，实际${Math.round((t.actual ?? 0) * 1000) / 10}%）`))}尚未达到目标。`,
    );
    if (unmet.length > 0) risk.fig('targets', unmet.length, joinList(unmet.map((t) => t.label)));
  }
  if (f.aid === null) {
    risk.notYet('（资助和经费数据尚未接入，请补充经费使用及缺口情况。）');
  } else if (f.aid.shortfall !== null && f.aid.shortfall > 0) {
    risk.say(
      `经费不足仍是制约关爱工作的难题，本学期经费缺口约${risk.fig('aid', f.aid.shortfall, `${f.aid.shortfall}元`)}，需积极争取上级支持和社会力量参与。`,
    );
  } else if (f.aid.amount > 0) {
    risk.say(
      `本学期共为${risk.fig('aid', f.aid.recipients, `${f.aid.recipients}名`)}儿童发放资助${risk.fig('aid', f.aid.amount, `${f.aid.amount}元`)}，关爱经费仍需多方筹措。`,
    );
  }
  const next = c.paragraph('problems.next', 'problems', null);
  next.say(
    `下一步，${words.self}将${vary(c.seed, 'next', ['继续完善留守儿童档案，做到动态更新', '进一步健全结对帮扶和谈心家访制度', '把关爱工作纳入教师考核，奖优罚劣'])}，加强对帮扶人员的培训，及时补齐逾期任务，对重点关注的孩子制定个别帮扶方案，让每一个留守儿童都能健康、快乐成长。`,
  );
  return [duties.done(), risk.done(), next.done()];
}
