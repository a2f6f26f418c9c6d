import type { ChildCategory } from '../enums/children';
import type { SummaryParagraph } from '../schemas/reports';
import type { DraftContext } from './draft';
import { joinList, percent, termName, vary } from './phrasing';

const categoryWords: Partial<Record<ChildCategory, string>> = {
  left_behind_both: '父母双方外出务工的',
  left_behind_single: '父母一方外出务工、另一方无监护能力的',
};
const otherCategories: Partial<Record<ChildCategory, string>> = {
  orphan: '孤儿',
  de_facto_unsupported: '事实无人抚养儿童',
};

/** 一、基本情况: who the unit cares for, the archive and enrollment. */
export function basicSection(c: DraftContext): SummaryParagraph[] {
  const { f, words } = c;
  const intro = c.paragraph('basic.intro', 'basic', null);
  intro.say(
    vary(c.seed, 'intro', [
      `${termName(f.term)}，${words.self}认真落实关爱农村留守儿童工作的各项要求，以建档立卡为基础、结对帮扶为抓手，努力为留守儿童营造健康、快乐、平等的成长环境。现将本学期工作总结如下。`,
      `本学期，${words.self}坚持把关爱留守儿童作为一项重要工作来抓，从实际出发，建档案、结对子、常谈心、勤家访，现将${termName(f.term)}关爱留守儿童工作总结如下。`,
    ]),
  );

  const people = c.paragraph('basic.children', 'basic', null);
  const registered = () =>
    f.students
      ? `${words.self}目前有在校学生${people.fig('children', f.students, `${f.students}名`)}`
      : `${words.self}目前登记在册的儿童共${people.fig('children', f.children, `${f.children}名`)}`;
  if (f.children === 0 && !f.students) {
    people.say(`${words.self}本学期尚未登记儿童档案，基本情况待建档后补充。`);
  } else if (f.leftBehind === 0) {
    people.say(`${registered()}，目前没有登记在册的留守儿童。`);
  } else {
    const kinds = (['left_behind_both', 'left_behind_single'] as const)
      .map((cat) => ({ cat, n: f.byCategory.find((b) => b.category === cat)?.count ?? 0 }))
      .filter((x) => x.n > 0);
    // Figures are recorded in the order the text quotes them (the web links them in that order).
    const unitText = registered();
    const total = people.fig('leftBehind', f.leftBehind, `${f.leftBehind}名`);
    const split =
      kinds.length > 1
        ? `（${kinds.map((x) => `${categoryWords[x.cat]}${people.fig(`category.${x.cat}`, x.n, `${x.n}名`)}`).join('，')}）`
        : '';
    people.say(`${unitText}，其中留守儿童${total}${split}。`);
  }
  const others = Object.entries(otherCategories)
    .map(([cat, name]) => ({
      cat: cat as ChildCategory,
      name,
      n: f.byCategory.find((b) => b.category === cat)?.count ?? 0,
    }))
    .filter((x) => x.n > 0)
    .map((x) => `${x.name}${people.fig(`category.${x.cat}`, x.n, `${x.n}名`)}`);
  const difficulty = f.byCategory.filter((b) => b.category.startsWith('difficulty_')).reduce((a, b) => a + b.count, 0);
  if (difficulty > 0) others.push(`困境儿童${people.fig('category.difficulty_other', difficulty, `${difficulty}名`)}`);
  if (others.length > 0) people.say(`此外，还有${joinList(others)}同样纳入关爱范围。`);

  const archive = c.paragraph('basic.archive', 'basic', null);
  const archiveRate = percent(f.archive);
  if (archiveRate === null) {
    archive.say(`${words.body}已建立留守儿童档案和联系卡制度，新发现的留守儿童将第一时间建档。`);
  } else {
    const missing = f.archive.denominator - f.archive.numerator;
    const opening = vary(c.seed, 'archive', [
      '通过家长会、走访摸排，',
      '开学初以班为单位逐一摸底，',
      '结合入户走访和家长会，',
    ]);
    if (missing === 0) {
      archive.say(
        `${opening}${words.body}为每一名留守儿童建立了成长档案和联系卡，建档率达${archive.fig('archive', 1, archiveRate)}，家庭情况、监护人信息和联系方式全部登记在案。`,
      );
    } else if (f.archive.numerator === 0) {
      archive.say(
        `${opening}${words.body}已着手为留守儿童建立成长档案和联系卡，但目前${archive.fig('archive.missing', missing, `${missing}名`)}儿童的档案信息都还不完整，需尽快补齐。`,
      );
    } else {
      archive.say(
        `${opening}${words.body}已为${archive.fig('archive', f.archive.numerator, `${f.archive.numerator}名`)}留守儿童建立了完整的成长档案，建档率为${archiveRate}，尚有${archive.fig('archive.missing', missing, `${missing}名`)}儿童的档案信息不全，需尽快补齐。`,
      );
    }
  }
  const enrollmentRate = percent(f.enrollment);
  if (enrollmentRate !== null) {
    archive.say(
      `适龄留守儿童入学率${f.enrollment.numerator === f.enrollment.denominator ? '达到' : '为'}${archive.fig('enrollment', f.enrollment.numerator / f.enrollment.denominator, enrollmentRate)}。`,
    );
  }
  return [intro.done(), people.done(), archive.done()];
}
