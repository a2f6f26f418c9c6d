import { describe, expect, it } from 'vitest';
import { defaultLetterTemplates } from './default-templates';
import { renderLetter, sentencesOf, templateProblemMessage, templateProblems } from './merge';
import { exampleMergeValues, type MergeValues, mergeFields } from './merge-fields';
import { chineseList, emptyTermFacts, gradeTrendPhrase, letterMergeValues } from './term-summary';

const context = {
  childName: '张小明',
  className: '三年级1班',
  classTeacher: { name: '陈静', phone: '13512345678' },
  schoolName: '黄泥村小学',
  term: { schoolYear: '2025-2026', termNo: 1, startDate: '2025-09-01', endDate: '2026-01-20' },
  signedOn: '2026-01-15',
};
const textOf = (letter: ReturnType<typeof renderLetter>) =>
  [letter.title, ...letter.paragraphs.map((p) => p.text), ...letter.signature].join('\n');

describe('letter templates: merge fields', () => {
  it('accepts the default templates and names an unknown field with the valid ones', () => {
    for (const t of Object.values(defaultLetterTemplates)) expect(templateProblems(t)).toEqual([]);
    const problems = templateProblems({ title: '信', body: '{{孩子姓名}}的家长：您好！{{ 班级 }}', signature: '' });
    expect(problems).toEqual([{ part: 'body', kind: 'unknown', token: '{{孩子姓名}}' }]);
    const message = templateProblemMessage(problems[0]!, 'zh-CN');
    expect(message).toContain('未知的合并字段：{{孩子姓名}}');
    for (const f of mergeFields) expect(message).toContain(`{{${f.name}}}`);
    expect(templateProblemMessage(problems[0]!, 'en')).toContain('Unknown merge field: {{孩子姓名}}');
  });

  it('finds a lone brace pair', () => {
    expect(templateProblems({ title: '', body: '您好{{儿童姓名', signature: '' })).toEqual([
      { part: 'body', kind: 'unclosed', token: '{{' },
    ]);
  });

  it('splits sentences after Chinese stops, keeping closing quotes', () => {
    expect(sentencesOf('他说：“好。”我们走吧！还有')).toEqual(['他说：“好。”', '我们走吧！', '还有']);
  });
});

describe('rendering a letter', () => {
  it('fills every field and keeps salutation and 敬礼 unindented', () => {
    const letter = renderLetter(defaultLetterTemplates.term_start, exampleMergeValues);
    expect(letter.title).toBe('致家长的一封信');
    expect(letter.paragraphs[0]).toEqual({ text: '尊敬的张小明同学家长：', indent: false });
    expect(letter.paragraphs[1]!.indent).toBe(true);
    expect(letter.paragraphs.at(-1)).toEqual({ text: '敬礼！', indent: false });
    expect(letter.signature).toEqual(['黄泥村小学', '2026年1月15日']);
    expect(textOf(letter)).not.toMatch(/\{\{|\}\}/);
  });

  it('leaves out the sentence of a missing fact, never 「0次」 or an empty 「获得了。」', () => {
    const values = letterMergeValues(context, emptyTermFacts());
    const text = textOf(renderLetter(defaultLetterTemplates.term_end, values));
    expect(text).not.toMatch(/0次|获得了|参加了学校组织的，|在学习上，。|体检发现：。/);
    expect(text).toContain('2025—2026学年第一学期即将结束，学校将于2026年1月20日放假。');
    expect(text).toContain('班主任电话：13512345678。');
    // 「请您和监护人多加关注。」 follows the health notes only: with no notes the paragraph goes.
    expect(text).not.toContain('多加关注');
    // The paragraph made only of missing facts is gone, not left blank.
    expect(renderLetter(defaultLetterTemplates.term_end, values).paragraphs.every((p) => p.text.length > 0)).toBe(true);
  });

  it('writes the figures in when the records hold them', () => {
    const values: MergeValues = letterMergeValues(context, {
      talkCount: 3,
      activities: ['“六一”文艺汇演', '安全知识竞答'],
      awards: ['校书画展二等奖'],
      gradeChanges: [
        { subject: '语文', change: 8 },
        { subject: '数学', change: -5 },
      ],
      healthNotes: ['视力偏低，建议到医院复查'],
    });
    const text = textOf(renderLetter(defaultLetterTemplates.term_end, values));
    expect(text).toContain('老师与孩子谈心3次');
    expect(text).toContain('参加了学校组织的“六一”文艺汇演和安全知识竞答，表现积极。');
    expect(text).toContain('获得了校书画展二等奖');
    expect(text).toContain('语文成绩比上学期有进步，数学成绩比上学期有所下降');
    expect(text).toContain('学校体检发现：视力偏低，建议到医院复查。');
  });

  it('drops a signature line whose field is empty', () => {
    const values = { ...exampleMergeValues, signedOn: null };
    expect(renderLetter(defaultLetterTemplates.term_start, values).signature).toEqual(['黄泥村小学']);
  });
});

describe('term summary phrases', () => {
  it('lists one, a few, or the first four of many', () => {
    expect(chineseList([])).toBeNull();
    expect(chineseList(['甲'])).toBe('甲');
    expect(chineseList(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(chineseList(['甲', '乙', '丙', '丁', '戊'], '活动')).toBe('甲、乙、丙、丁等5项活动');
  });

  it('treats a change of under three points as steady', () => {
    expect(gradeTrendPhrase([])).toBeNull();
    expect(gradeTrendPhrase([{ subject: '英语', change: 2 }])).toBe('英语成绩保持稳定');
  });
});

describe('health notes for parents', () => {
  it('says the most serious vision finding once, in plain words, with the doctor’s referral', async () => {
    const { healthNotesOf } = await import('./health-notes');
    expect(healthNotesOf({ flags: [], teeth: 'normal', referralNeeded: false, referralTo: null })).toEqual([]);
    expect(
      healthNotesOf({
        flags: ['vision_moderate', 'vision_refer', 'overweight'],
        teeth: 'caries',
        referralNeeded: true,
        referralTo: '县人民医院眼科',
      }),
    ).toEqual([
      '体重超重，请提醒孩子少吃零食、多运动',
      '视力中度下降，建议带孩子到医院眼科检查',
      '有龋齿，请提醒孩子早晚刷牙、少吃甜食',
      '医生建议到县人民医院眼科进一步检查',
    ]);
  });
});
