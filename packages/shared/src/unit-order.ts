/**
 * The order people expect for unit names: 一年级 before 二年级 (pinyin order puts 二 èr first and
 * 一 yī last), 三年级2班 before 三年级10班, 第一小学 before 第三小学. Chinese numerals become digits
 * for comparing only, then a zh-CN collation with numbers compared by value.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十二 → 12, 二十 → 20: enough for grades and class numbers. */
function chineseNumber(run: string): string {
  if (!run.includes('十')) return String([...run].reduce((n, ch) => n * 10 + (digits[ch] ?? 0), 0));
  const [tens, ones] = run.split('十');
  return String((tens ? (digits[tens] ?? 0) : 1) * 10 + (ones ? (digits[ones] ?? 0) : 0));
}

/** The name with its Chinese numerals as digits (a sort key, never shown). */
export function unitSortKey(name: string): string {
  return name.replace(/[一二三四五六七八九十]+/g, chineseNumber);
}

export function compareUnitNames(a: string, b: string): number {
  return collator.compare(unitSortKey(a), unitSortKey(b)) || collator.compare(a, b);
}
