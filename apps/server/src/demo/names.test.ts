import { describe, expect, it } from 'vitest';
import {
  chineseNumeral,
  className,
  localSurnames,
  personName,
  schoolName,
  surnameWeights,
  townshipName,
  uniqueValues,
  villageName,
} from './names';
import { createRandom, splitTotal, weightedPicker } from './random';

describe('createRandom', () => {
  it('repeats itself for a seed and differs between seeds and forks', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    const rng = createRandom('a');
    expect(rng.fork('x').next()).toBe(createRandom('a').fork('x').next());
    expect(rng.fork('x').next()).not.toBe(rng.fork('y').next());
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const rng = createRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('splitTotal', () => {
  it('sums to the total with parts near the mean', () => {
    const rng = createRandom('split');
    for (const [total, parts] of [
      [185, 6],
      [50_000, 200],
      [7, 3],
      [0, 4],
    ] as const) {
      const out = splitTotal(rng, total, parts, 0.1);
      expect(out).toHaveLength(parts);
      expect(out.reduce((a, b) => a + b, 0)).toBe(total);
      for (const n of out) expect(Math.abs(n - total / parts)).toBeLessThanOrEqual(total / parts / 8 + 1);
    }
  });
});

describe('weightedPicker', () => {
  it('follows the weights', () => {
    const pick = weightedPicker([
      ['a', 3],
      ['b', 1],
      ['c', 0],
    ]);
    const rng = createRandom('w');
    const tally = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) tally[pick(rng) as 'a']++;
    expect(tally.c).toBe(0);
    expect(tally.a / tally.b).toBeGreaterThan(2.6);
    expect(tally.a / tally.b).toBeLessThan(3.4);
  });
});

describe('names', () => {
  it('draws surnames by frequency: 王 and 李 far more often than 汤', () => {
    const rng = createRandom('surnames');
    const names = Array.from({ length: 20_000 }, () => personName(rng, { generation: 'child' }));
    const share = (s: string) => names.filter((n) => n.surname === s).length / names.length;
    expect(share('王')).toBeGreaterThan(0.05);
    expect(share('汤')).toBeLessThan(0.01);
    const odd = names.filter(
      (n) =>
        n.fullName !== n.surname + n.givenName ||
        n.givenName.length < 1 ||
        n.givenName.length > 2 ||
        !/^[\u4e00-\u9fff]{2,4}$/.test(n.fullName),
    );
    expect(odd).toEqual([]);
    // Enough variety for a county of 50,000 children.
    expect(new Set(names.map((n) => n.fullName)).size).toBeGreaterThan(8_000);
  });

  it('keeps a given surname and gender', () => {
    const rng = createRandom('family');
    const child = personName(rng, { generation: 'child', surname: '欧阳', gender: 'female' });
    expect(child.surname).toBe('欧阳');
    expect(child.gender).toBe('female');
  });

  it('makes 50,000 names quickly', () => {
    const rng = createRandom('speed');
    const started = performance.now();
    for (let i = 0; i < 50_000; i++) personName(rng, { generation: 'child' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('gives a village a few distinct local surnames', () => {
    const out = localSurnames(createRandom('clan'), 4);
    expect(new Set(out).size).toBe(4);
    for (const s of out) expect(surnameWeights.some(([x]) => x === s)).toBe(true);
  });
});

describe('places', () => {
  it('names townships, villages and schools the usual way', () => {
    const rng = createRandom('places');
    const townships = uniqueValues(200, () => townshipName(rng));
    expect(new Set(townships).size).toBe(200);
    for (const t of townships) expect(t).toMatch(/^[\u4e00-\u9fff]{2,3}[镇乡]$/);
    for (let i = 0; i < 200; i++) expect(villageName(rng)).toMatch(/^[\u4e00-\u9fff]{2,3}(村|社区)$/);
    expect(schoolName('central_primary', '石桥镇')).toBe('石桥镇中心小学');
    expect(schoolName('village_primary', '黄泥村')).toBe('黄泥村小学');
    expect(schoolName('township_middle', '石桥镇')).toBe('石桥镇中学');
    expect(schoolName('county_middle', '青山县', 2)).toBe('青山县第二中学');
    expect(schoolName('county_primary', '青山县')).toBe('青山县实验小学');
    expect(className(1, 1)).toBe('一年级1班');
    expect(className(9, 3)).toBe('九年级3班');
    expect([1, 10, 12, 20, 35].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '三十五']);
  });
});
