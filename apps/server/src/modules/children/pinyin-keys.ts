import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** `zhang yu han`: sorted with COLLATE "C", where the space sorts before every letter. */
  namePinyin: string;
  /** `zhangyuhan`: prefix search on full pinyin. */
  namePinyinCompact: string;
  /** `zyh`: prefix search on initials. */
  nameInitials: string;
}

/**
 * Pinyin keys of a name, toneless, surname readings first (曾 zeng, 单 shan), ü as v.
 * Letters of non-Chinese parts are kept; other characters (·, digits' punctuation) are dropped.
 */
export function pinyinKeys(name: string): PinyinKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return {
    namePinyin: syllables.join(' '),
    namePinyinCompact: syllables.join(''),
    nameInitials: syllables.map((s) => s[0]).join(''),
  };
}

const cache = new Map<string, PinyinKeys>();
const cacheLimit = 50_000;

/**
 * `pinyinKeys` remembered for the names of recent imports: the similar-name check and the
 * commit's new rows ask for the same names, and a commit follows its dry run with the same file.
 */
export function cachedPinyinKeys(name: string): PinyinKeys {
  let keys = cache.get(name);
  if (!keys) {
    if (cache.size >= cacheLimit) cache.clear();
    keys = pinyinKeys(name);
    cache.set(name, keys);
  }
  return keys;
}
