import { childCodeLists, disabilityCategoryLabels, type Label } from '@shouwang/shared';

/**
 * Labels that older forms and the national information system use for the archive's codes
 * (reference/mca-forms.md §6 import notes): they are accepted on import, never written.
 */
export const codeAliases = {
  /** 2016 form: 患病 (= 重特大疾病). */
  health: { 患病: 'serious_illness', 重特大疾病: 'serious_illness', 一般: 'weak', 较弱: 'weak' },
  disabilityCategory: Object.fromEntries(
    Object.entries(disabilityCategoryLabels).map(([code, label]) => [label.zh.replace('残疾', ''), code]),
  ),
  disabilityGrade: { '1': '1', '2': '2', '3': '3', '4': '4', 一: '1', 二: '2', 三: '3', 四: '4' },
  /** 2016 form uses 中职; the system 中专及以上 and 学龄前. */
  schooling: { 中专及以上: 'vocational', 中专: 'vocational', 学龄前: 'not_in_kindergarten', 失学: 'not_in_school' },
  boarding: { 是: 'boarding', 寄宿: 'boarding', 否: 'day', 非寄宿: 'day', 走读: 'day' },
  /** 2016 form: 享受低保 ≡ 最低生活保障; 其他救助 ≡ 其他. */
  aidMeasures: {
    享受低保: 'minimum_living',
    低保: 'minimum_living',
    其他救助: 'other',
    建档立卡: 'poverty_registered',
  },
  incomeSources: { 务工: 'migrant_work', 打工: 'migrant_work', 种养殖: 'farming', 救助: 'government_aid' },
  parentStatus: { 死亡: 'deceased', 外出: 'migrant_work', 务工: 'migrant_work', 在押: 'imprisoned', 失联: 'missing' },
  guardianRelation: {
    祖父: 'paternal_grandparent',
    祖母: 'paternal_grandparent',
    爷爷: 'paternal_grandparent',
    奶奶: 'paternal_grandparent',
    外祖父: 'maternal_grandparent',
    外祖母: 'maternal_grandparent',
    外公: 'maternal_grandparent',
    外婆: 'maternal_grandparent',
    亲属: 'relative',
    亲戚: 'relative',
    叔叔: 'relative',
    伯伯: 'relative',
    姑姑: 'relative',
    舅舅: 'relative',
    姨妈: 'relative',
    哥哥: 'relative',
    姐姐: 'relative',
  },
  guardianHealth: { 差: 'poor', 较差: 'poor', 患病: 'poor', 良好: 'healthy' },
  guardianshipType: { 较好: 'good', 一般: 'fair' },
  sex: { 男性: 'male', 女性: 'female', '1': 'male', '2': 'female' },
} satisfies Partial<Record<keyof typeof childCodeLists, Record<string, string>>>;

/** Ethnicities are also written without 族 (汉 → 汉族) and by their one-digit code (1 → 01). */
export const ethnicityAliases: Record<string, string> = Object.fromEntries(
  Object.entries(childCodeLists.ethnicity).flatMap(([code, label]) => [
    [label.zh.replace(/族$/, ''), code],
    [String(Number(code)), code],
  ]),
);

/** The code of a cell's text: a label (zh or en), the code itself, or an alias; undefined if none. */
export function codeOf(
  labels: Record<string, Label>,
  aliases: Record<string, string> | undefined,
  text: string,
): string | undefined {
  const wanted = text.trim().replace(/\s+/g, '');
  for (const [code, label] of Object.entries(labels)) {
    if (label.zh === wanted || label.en.toLowerCase() === wanted.toLowerCase() || code === wanted) return code;
  }
  return aliases?.[wanted];
}

/** The drop-down values of a list: its Chinese labels in the code list's order. */
export const labelsOf = (labels: Record<string, Label>) => Object.values(labels).map((l) => l.zh);
