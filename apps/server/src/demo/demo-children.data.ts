import type { CareLevel, GuardianRelation, PairingKind, ParentStatus } from '@shouwang/shared';
import type { Gender } from './names';

/**
 * The seed school's 12 left-behind children, as a head teacher would describe them: who is where,
 * who looks after them, who is paired with whom. Names, dates, ID and phone numbers are drawn from
 * the demo seed by `demo-children.ts`; what makes the archive worth showing is chosen here.
 */
export interface DemoChildSpec {
  /** The class: grade 1 … 6 of 黄泥村小学 (one class a grade). */
  grade: number;
  sex: Gender;
  /** Both parents away, or one away and the other (`otherParent`) unable to care. */
  away: 'both' | 'father' | 'mother';
  otherParent?: Exclude<ParentStatus, 'migrant_work'>;
  careLevel: CareLevel;
  boarding: boolean;
  village: '黄泥村' | '柳湾村' | '李家坪村';
  guardian: GuardianRelation;
  /** Has the guardian signed the entrustment (委托照护确认书)? */
  entrusted: boolean;
  /** The helper: the school's mentor teacher n (bangfu.hnxx.n) or the village volunteer. */
  pairing?: { kind: Extract<PairingKind, 'mentor_teacher' | 'proxy_parent'>; helper: string };
  /** The mother has not been heard of for months: no number that answers, no known city. */
  motherUnreachable?: boolean;
  /** The health check has not been entered yet (the archive shows it as incomplete). */
  healthUnknown?: boolean;
  ethnicity?: '01' | '15';
  personality?: string;
  interests?: string;
  study?: string;
  psychology?: string;
  familyNote?: string;
}

export const demoChildSpecs: readonly DemoChildSpec[] = [
  {
    grade: 1,
    sex: 'female',
    away: 'both',
    careLevel: 'general',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    personality: '刚上一年级，有点怕生，放学总要奶奶来接',
  },
  {
    grade: 2,
    sex: 'male',
    away: 'both',
    careLevel: 'general',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'proxy_parent', helper: 'zhiyuan.huangni' },
  },
  {
    grade: 2,
    sex: 'female',
    away: 'father',
    otherParent: 'other',
    careLevel: 'key',
    boarding: false,
    village: '柳湾村',
    guardian: 'maternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.1' },
    familyNote: '父母离异，母亲已改嫁外地，随外公外婆生活',
    psychology: '提到妈妈时会沉默，需要多关注',
  },
  {
    grade: 3,
    sex: 'male',
    away: 'both',
    careLevel: 'general',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: false,
    interests: '喜欢踢足球，课间总在操场上',
  },
  {
    grade: 3,
    sex: 'female',
    away: 'both',
    careLevel: 'special',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.1' },
    motherUnreachable: true,
    personality: '性格内向，不爱说话，上课很少举手',
    psychology: '妈妈半年多没有联系，常常一个人发呆，偶尔哭',
    familyNote: '爷爷腿脚不便，家里主要靠奶奶操持',
  },
  {
    grade: 4,
    sex: 'male',
    away: 'mother',
    otherParent: 'incapable',
    careLevel: 'general',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.2' },
    familyNote: '父亲前年在工地摔伤，腰部落下残疾，不能干重活',
  },
  {
    grade: 4,
    sex: 'female',
    away: 'both',
    careLevel: 'general',
    boarding: false,
    village: '李家坪村',
    guardian: 'relative',
    entrusted: true,
    ethnicity: '15',
    interests: '爱画画，作品贴在班级的学习园地里',
  },
  {
    grade: 5,
    sex: 'male',
    away: 'both',
    careLevel: 'key',
    boarding: true,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.2' },
    personality: '脾气有点倔，和同学闹过几次矛盾，批评后能认错',
    study: '数学较好，语文作业常常拖欠',
  },
  {
    grade: 5,
    sex: 'female',
    away: 'both',
    careLevel: 'general',
    boarding: true,
    village: '黄泥村',
    guardian: 'maternal_grandparent',
    entrusted: false,
    pairing: { kind: 'proxy_parent', helper: 'zhiyuan.huangni' },
  },
  {
    grade: 5,
    sex: 'male',
    away: 'father',
    otherParent: 'incapable',
    careLevel: 'general',
    boarding: false,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.3' },
    interests: '喜欢下象棋，常和爷爷对弈',
  },
  {
    grade: 6,
    sex: 'female',
    away: 'both',
    careLevel: 'general',
    boarding: true,
    village: '黄泥村',
    guardian: 'paternal_grandparent',
    entrusted: true,
    pairing: { kind: 'mentor_teacher', helper: 'bangfu.hnxx.3' },
    personality: '懂事，周末回家帮奶奶喂猪做饭',
    study: '成绩中上，想考县城的中学',
  },
  {
    grade: 6,
    sex: 'male',
    away: 'both',
    careLevel: 'general',
    boarding: false,
    village: '柳湾村',
    guardian: 'paternal_grandparent',
    entrusted: false,
    healthUnknown: true,
  },
];

/** Where the parents work (the seed reports' coastal cities), by how often the village names them. */
export const demoWorkPlaces: readonly (readonly [readonly [string, string], number])[] = [
  [['广东省', '东莞市'], 5],
  [['广东省', '深圳市'], 4],
  [['浙江省', '宁波市'], 3],
  [['江苏省', '苏州市'], 2],
  [['福建省', '泉州市'], 2],
  [['上海市', '上海市'], 1],
];

export const demoOccupations = ['电子厂流水线工人', '建筑工人', '餐饮服务员', '快递员', '服装厂工人', '保洁员'];

/** What the diligent class teachers talked about this term, month by month. */
export const demoTalkTopics: readonly { topic: string; summary: string; mood: number }[] = [
  { topic: '开学适应', summary: '开学第一周谈心，问了暑假在家的情况，孩子说很想爸爸妈妈。', mood: 3 },
  { topic: '学习习惯', summary: '聊了作业完成情况，约定每天放学先写作业再看电视。', mood: 4 },
  { topic: '同学关系', summary: '谈了和同桌的小矛盾，孩子愿意主动道歉，情绪比上月好。', mood: 4 },
];

export const demoHomeVisit = {
  summary: '期初家访：到家里看了学习的地方，和奶奶聊了孩子在家的作息和妈妈失联的情况。',
  homeConditions: '砖瓦房两间，孩子和奶奶住一间，有一张旧书桌，光线较暗。',
  guardianView: '奶奶说孩子晚上常哭着要妈妈，希望老师在学校多照看。',
  problems: '母亲半年多联系不上，孩子情绪低落',
};
