import type { LetterKind } from './letter-codes';
import type { LetterTemplateText } from './merge';

/**
 * The letters a school starts with (created on first use, then the school's to edit). Each fact about
 * the child sits in its own sentence, so a fact the records do not hold leaves just that sentence out.
 */
export const defaultLetterTemplates: Record<Exclude<LetterKind, 'custom'>, LetterTemplateText & { name: string }> = {
  term_start: {
    name: '期初致家长的一封信',
    title: '致家长的一封信',
    body: [
      '尊敬的{{儿童姓名}}同学家长：',
      '您好！{{学期}}已于{{开学日期}}开学。您在外辛勤工作，为家庭和孩子付出了很多，全体老师向您致以诚挚的问候！',
      '孩子就读于{{班级}}，班主任是{{班主任}}。学校成立了关爱留守儿童工作领导小组，为每一位留守儿童安排了帮扶老师，每月与孩子谈心，定期家访，并与您和孩子的监护人保持联系，让孩子在学校感受到家的温暖。',
      '上次体检中，{{健康提示}}。请您和监护人多加留意。',
      '孩子的成长离不开父母的陪伴。恳请您每周至少给孩子打一次电话或视频，多问问孩子的学习和生活，多鼓励、少责备；节假日有条件时，请回家看看孩子。',
      '如有任何情况，欢迎随时与班主任{{班主任}}联系。班主任电话：{{班主任电话}}。',
      '让我们携手，共同守护孩子健康快乐地成长！',
      '此致',
      '敬礼！',
    ].join('\n'),
    signature: '{{学校名称}}\n{{落款日期}}',
  },
  term_end: {
    name: '期末致家长的一封信',
    title: '致家长的一封信',
    body: [
      '尊敬的{{儿童姓名}}同学家长：',
      '您好！{{学期}}即将结束，学校将于{{放假日期}}放假。感谢您一学期来对学校工作的理解和支持，现将孩子本学期的情况向您简要汇报。',
      '本学期，老师与孩子谈心{{本学期谈心次数}}次，了解孩子的学习和生活，帮助孩子解决遇到的困难。孩子参加了学校组织的{{参加活动}}，表现积极。孩子获得了{{获奖}}，我们为孩子感到骄傲。在学习上，{{成绩变化}}。',
      '学校体检发现：{{健康提示}}。请您和监护人多加关注。',
      '假期里，请您多给孩子打电话、视频，关心孩子的学习、安全和心情，并提醒监护人看护好孩子，注意防溺水、交通和用火用电安全。有条件的话，请回家陪陪孩子。',
      '如有任何情况，欢迎随时与班主任{{班主任}}联系。班主任电话：{{班主任电话}}。',
      '祝您工作顺利、身体健康！',
    ].join('\n'),
    signature: '{{学校名称}}\n{{落款日期}}',
  },
};

/** What a new custom template starts with. */
export const blankLetterTemplate: LetterTemplateText = {
  title: '致家长的一封信',
  body: '尊敬的{{儿童姓名}}同学家长：\n您好！',
  signature: '{{学校名称}}\n{{落款日期}}',
};
