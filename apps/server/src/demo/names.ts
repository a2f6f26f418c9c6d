import { type Random, type WeightedEntry, weightedPicker } from './random';

/**
 * Plausible Chinese names of people and places for demo and synthetic county data. Pure and fast
 * (no I/O, pickers built once), so a county-scale generator can call them tens of thousands of times.
 */

export type Gender = 'male' | 'female';
/** Naming fashions differ by birth cohort: children (born 2010s–20s), adults (1970s–90s), elders (1940s–60s). */
export type Generation = 'child' | 'adult' | 'elder';

export interface PersonName {
  fullName: string;
  surname: string;
  givenName: string;
  gender: Gender;
}

/**
 * The commonest surnames with their approximate share of the population in hundredths of a
 * percent (after the 2020 census name report), plus two compound surnames so that code never
 * assumes a one-character surname.
 */
export const surnameWeights: readonly WeightedEntry<string>[] = [
  ['王', 712],
  ['李', 700],
  ['张', 674],
  ['刘', 510],
  ['陈', 461],
  ['杨', 322],
  ['黄', 245],
  ['赵', 219],
  ['吴', 200],
  ['周', 195],
  ['徐', 145],
  ['孙', 138],
  ['马', 129],
  ['朱', 128],
  ['胡', 116],
  ['郭', 113],
  ['何', 106],
  ['林', 103],
  ['高', 100],
  ['罗', 95],
  ['郑', 87],
  ['梁', 85],
  ['谢', 74],
  ['宋', 73],
  ['唐', 72],
  ['许', 70],
  ['韩', 69],
  ['邓', 68],
  ['冯', 67],
  ['曹', 65],
  ['彭', 63],
  ['曾', 62],
  ['肖', 61],
  ['田', 60],
  ['董', 58],
  ['潘', 56],
  ['袁', 55],
  ['蔡', 53],
  ['蒋', 52],
  ['余', 51],
  ['于', 50],
  ['杜', 48],
  ['叶', 47],
  ['程', 46],
  ['魏', 45],
  ['苏', 44],
  ['吕', 43],
  ['丁', 42],
  ['任', 41],
  ['卢', 40],
  ['姚', 39],
  ['沈', 38],
  ['钟', 37],
  ['姜', 36],
  ['崔', 35],
  ['谭', 34],
  ['陆', 33],
  ['范', 32],
  ['汪', 31],
  ['廖', 30],
  ['石', 30],
  ['金', 29],
  ['韦', 28],
  ['贾', 28],
  ['夏', 27],
  ['付', 27],
  ['方', 26],
  ['邹', 25],
  ['熊', 25],
  ['白', 24],
  ['孟', 24],
  ['秦', 23],
  ['邱', 23],
  ['侯', 22],
  ['江', 22],
  ['尹', 21],
  ['薛', 21],
  ['闫', 20],
  ['段', 20],
  ['雷', 20],
  ['龙', 19],
  ['黎', 19],
  ['史', 18],
  ['陶', 18],
  ['贺', 18],
  ['毛', 17],
  ['郝', 17],
  ['顾', 16],
  ['龚', 16],
  ['邵', 16],
  ['万', 15],
  ['覃', 15],
  ['武', 15],
  ['钱', 14],
  ['戴', 14],
  ['严', 14],
  ['莫', 13],
  ['孔', 13],
  ['向', 13],
  ['常', 12],
  ['汤', 12],
  ['欧阳', 3],
  ['司马', 1],
];

interface GivenNamePool {
  /** Whole given names in fashion for the cohort. */
  common: readonly string[];
  /** Characters for composing further two-character names, for variety at county scale. */
  first: readonly string[];
  second: readonly string[];
  single: readonly string[];
  /** Share of one-character given names in the cohort. */
  singleShare: number;
}

const w = (text: string) => text.split(' ');

const givenNamePools: Record<Generation, Record<Gender, GivenNamePool>> = {
  child: {
    male: {
      common: w(
        '子轩 浩宇 宇轩 梓豪 俊熙 浩然 子墨 宇航 皓轩 梓睿 思远 博文 明轩 泽宇 睿泽 铭轩 晨阳 天佑 子豪 嘉豪 俊杰 ' +
          '宇泽 文博 昊天 雨泽 沐阳 奕辰 锦程 承泽 煜城 宸宇 鑫磊 家乐 俊宇 浩轩 文轩 佳豪 思源 一鸣 宇辰 星宇 ' +
          '振宇 家豪 乐天 天宇 明哲 鹏飞 俊峰 家俊 梓航 子骞 立诚 景行 永康',
      ),
      first: w('子 浩 宇 梓 俊 泽 博 文 睿 晨 昊 嘉 煜 奕 锦 承 思 明 天 家 志 铭 皓 逸 沐 景 云 振 鸿 佳'),
      second: w('轩 宇 辰 睿 泽 杰 航 铭 阳 博 豪 然 熙 霖 洋 恒 川 凯 哲 诚 源 翔 瑞 鑫 涛 彬 远 宁 康 安'),
      single: w('浩 宇 杰 轩 博 睿 鑫 磊 涛 鹏 阳 晨 昊 凯 航 毅 哲 诚'),
      singleShare: 0.08,
    },
    female: {
      common: w(
        '欣怡 梓涵 诗涵 雨涵 一诺 子涵 可馨 紫涵 梓萱 语桐 欣妍 佳怡 思涵 雨欣 梦瑶 若曦 诗琪 晓彤 雅琪 梓琪 ' +
          '佳琪 语嫣 欣悦 心怡 雨桐 可欣 依诺 婉婷 悦彤 沐晴 思琪 紫萱 芷若 梦琪 嘉怡 静怡 雨萱 安琪 晨曦 诗雨 ' +
          '佳欣 欣然 一涵 怡然 梓琳 美琳 馨月 晓雨 思雨 梦洁 雅婷 雨菲',
      ),
      first: w('欣 梓 雨 诗 可 一 思 紫 佳 语 婉 若 梦 子 依 晓 雅 心 艺 芷 静 安 沐 嘉 美 慧 书 颖 悦 晨'),
      second: w('涵 怡 萱 彤 琪 妍 瑶 悦 馨 诺 然 琳 菲 雯 婷 欣 晴 蕊 萌 汐 玥 溪 宁 茹 璇 佳 月 雪 希 冉'),
      single: w('琪 欣 涵 萱 怡 婷 悦 妍 瑶 彤 琳 雯 薇 晴 诺 玥'),
      singleShare: 0.08,
    },
  },
  adult: {
    male: {
      common: w(
        '建华 建军 志强 志勇 伟东 海涛 国强 永强 晓东 小龙 文军 卫东 俊杰 海波 明华 立新 学军 春生 建平 正华 ' +
          '德胜 新民 振华 宏伟 建伟 鹏飞 海军 小兵 云峰 晓军 永刚 春雷 家明 文斌 少华 洪亮 庆林 光明 志刚 建明 ' +
          '成林 雪松 国平 金龙 宏亮 勇军 红兵 剑锋',
      ),
      first: w('建 志 国 永 晓 海 文 卫 明 立 学 春 正 德 新 振 宏 家 云 庆 光 成 金 少 伟 俊 红 小'),
      second: w('华 军 强 勇 东 涛 龙 波 平 明 新 生 林 峰 伟 刚 斌 兵 辉 亮 松 杰 飞 忠 民'),
      single: w('伟 勇 军 强 磊 斌 涛 杰 刚 辉 鹏 超 波 健 明 亮 峰 华 东 林 平 飞'),
      singleShare: 0.28,
    },
    female: {
      common: w(
        '秀英 丽娟 红梅 海燕 丽华 春燕 晓燕 美玲 桂芳 艳红 玉梅 小红 秀梅 丽萍 晓梅 翠兰 红霞 金凤 丽芳 春梅 ' +
          '雪梅 慧敏 玉红 秀芳 晓丽 丽霞 彩霞 婷婷 雪莲 凤英 小芳 丽琴 巧玲 春兰 素芳 海英 淑芬 晓红 艳芳 云霞 ' +
          '美华 红英 秋菊 晓静 文静 丹丹 佳丽 慧芳',
      ),
      first: w('秀 丽 红 海 春 晓 美 桂 艳 玉 雪 慧 彩 凤 金 月 巧 素 淑 云 秋 文 小 翠'),
      second: w('英 娟 梅 燕 华 玲 芳 红 萍 霞 莲 敏 琴 兰 丽 静 娥 凤 珍 云'),
      single: w('芳 丽 娟 敏 静 燕 艳 玲 霞 红 梅 琴 英 萍 莉 娜 慧 倩 婷'),
      singleShare: 0.28,
    },
  },
  elder: {
    male: {
      common: w(
        '德明 国华 建国 德胜 玉林 志明 永福 长林 振国 福生 宝山 金山 德福 广才 有才 树林 庆丰 根生 富贵 文华 ' +
          '德贵 家福 光荣 成才 世英 宗林 学礼 正清 水生 长生 来福 保国 卫国 援朝 解放 国庆 建设 和平',
      ),
      first: w('德 国 玉 永 长 振 福 宝 金 广 有 树 庆 根 富 文 忠 家 光 成 世 宗 学 正 水 保 卫'),
      second: w('明 华 胜 林 福 生 山 才 丰 贵 荣 礼 清 坤 发 财 顺 祥 全'),
      single: w('福 贵 林 山 财 祥 顺 生 明 华 忠 发'),
      singleShare: 0.15,
    },
    female: {
      common: w(
        '秀英 桂英 秀兰 玉兰 桂兰 淑珍 凤英 秀珍 玉英 兰英 翠英 桂珍 素珍 玉珍 金花 凤兰 淑英 秀芝 桂芝 翠花 ' +
          '玉梅 秀云 春花 月英 冬梅 腊梅 菊花 兰芳 桂香 玉芳 秀芳 金兰 银花 凤珍 惠兰 淑兰 秀华 玉华 素英 爱华',
      ),
      first: w('秀 桂 玉 淑 凤 兰 翠 素 金 月 春 冬 腊 菊 惠 爱 银 秋 彩'),
      second: w('英 兰 珍 芝 花 梅 云 芳 香 华 琴 娥 凤 莲 秀'),
      single: w('英 兰 珍 凤 花 芳 秀 梅 菊 香 芝'),
      singleShare: 0.15,
    },
  },
};

/** Share of composed (rather than listed) two-character names: variety without odd names. */
const composedShare = 0.4;

const pickSurnameWeighted = weightedPicker(surnameWeights);

/** A surname drawn by national frequency. */
export function pickSurname(rng: Random): string {
  return pickSurnameWeighted(rng);
}

/**
 * A village's own handful of common surnames (villages are often built around a few families:
 * 李家坪 is mostly 李), drawn by national frequency; a generator mixes them with `pickSurname`.
 */
export function localSurnames(rng: Random, count: number): string[] {
  const out = new Set<string>();
  const limit = Math.min(count, surnameWeights.length);
  while (out.size < limit) out.add(pickSurnameWeighted(rng));
  return [...out];
}

export function pickGender(rng: Random, maleShare = 0.5): Gender {
  return rng.chance(maleShare) ? 'male' : 'female';
}

export function givenName(rng: Random, generation: Generation, gender: Gender): string {
  const pool = givenNamePools[generation][gender];
  if (rng.chance(pool.singleShare)) return rng.pick(pool.single);
  if (!rng.chance(composedShare)) return rng.pick(pool.common);
  const first = rng.pick(pool.first);
  let second = rng.pick(pool.second);
  while (second === first) second = rng.pick(pool.second);
  return first + second;
}

/** A full name; pass `surname` for a child who takes a parent's, `gender` when it is known. */
export function personName(
  rng: Random,
  options: { generation: Generation; gender?: Gender; surname?: string; maleShare?: number },
): PersonName {
  const gender = options.gender ?? pickGender(rng, options.maleShare);
  const surname = options.surname ?? pickSurname(rng);
  const given = givenName(rng, options.generation, gender);
  return { fullName: surname + given, surname, givenName: given, gender };
}

// Places. Stems are two or three characters, built the way rural place names are: a feature
// word after a descriptive one (石桥, 柳溪, 黄泥坪) or a family name (李家坪, 张家湾).
const placeFirst = w(
  '石 青 柳 杨 桃 白 高 马 龙 凤 清 新 安 太 平 东 西 南 北 大 小 上 下 双 花 梅 金 云 黄 红 枫 竹 松 桂 兴 永 长 茶 沙 鹤 樟 杉 岩 水',
);
const placeSecond = w('桥 河 溪 坪 岭 山 湾 沟 坝 庄 店 口 塘 冲 铺 集 营 寨 园 林 田 岗 峪 场 滩 洲 坡 井 泉 垭');
const clanSurnames = w('李 张 王 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 何 高 罗 谢 唐 邓 曹 彭 田 袁 蒋 杜 龙 向 覃');
const communityStems = w('新华 东风 人民 建设 和平 红星 光明 团结 朝阳 幸福 文化 解放 胜利 新街 车站 滨河');

/** A place-name stem such as 石桥, 柳溪 or 李家坪. */
export function placeStem(rng: Random, clanShare = 0.25): string {
  if (rng.chance(clanShare)) return `${rng.pick(clanSurnames)}家${rng.pick(placeSecond)}`;
  const first = rng.pick(placeFirst);
  const second = rng.pick(placeSecond);
  return first + second;
}

export function countyName(rng: Random): string {
  return `${placeStem(rng, 0)}县`;
}

/** 镇 (town) more often than 乡 (rural township). */
export function townshipName(rng: Random): string {
  return `${placeStem(rng, 0.1)}${rng.chance(0.7) ? '镇' : '乡'}`;
}

/** Mostly 村 (villages); sometimes a 社区 (community), named the way town-seat communities are. */
export function villageName(rng: Random, communityShare = 0.12): string {
  if (rng.chance(communityShare)) return `${rng.pick(communityStems)}社区`;
  return `${placeStem(rng)}村`;
}

/** The place a unit's name starts with: 石桥镇 → 石桥, 黄泥村 → 黄泥, 新华社区 → 新华. */
export function stemOf(placeName: string): string {
  return placeName.replace(/(社区|镇|乡|村|县)$/, '');
}

export type SchoolKind = 'central_primary' | 'village_primary' | 'township_middle' | 'county_middle' | 'county_primary';

/**
 * School names in the usual pattern: 石桥镇中心小学, 黄泥村小学, 石桥镇中学, 青山县第二中学, 青山县实验小学.
 * `place` is the township, village or county the school is named after; `number` the county school's ordinal.
 */
export function schoolName(kind: SchoolKind, place: string, number = 1): string {
  switch (kind) {
    case 'central_primary':
      return `${place}中心小学`;
    case 'village_primary':
      return `${stemOf(place)}村小学`;
    case 'township_middle':
      return `${place}中学`;
    case 'county_middle':
      return `${place}第${chineseNumeral(number)}中学`;
    case 'county_primary':
      return number === 1 ? `${place}实验小学` : `${place}第${chineseNumeral(number)}小学`;
  }
}

const digits = w('零 一 二 三 四 五 六 七 八 九');

/** 1–99 in Chinese numerals (一, 十二, 二十). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new Error(`no numeral for ${n}`);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/** 一年级 … 九年级 (seventh to ninth grade are the middle-school years). */
export function gradeName(grade: number): string {
  if (!Number.isInteger(grade) || grade < 1 || grade > 9) throw new Error(`no grade ${grade}`);
  return `${chineseNumeral(grade)}年级`;
}

/** 一年级1班, 七年级3班. */
export function className(grade: number, classNo: number): string {
  return `${gradeName(grade)}${classNo}班`;
}

/**
 * `count` distinct values from `generate`, skipping any already in `taken` (which it extends), for
 * names that must not repeat among siblings (the database refuses two villages of one name in a township).
 */
export function uniqueValues<T>(count: number, generate: () => T, taken: Set<T> = new Set()): T[] {
  const out: T[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 50 + 100) throw new Error(`could not find ${count} distinct values`);
    const value = generate();
    if (taken.has(value)) continue;
    taken.add(value);
    out.push(value);
  }
  return out;
}
