/**
 * Deterministic pseudo-random numbers for demo and bulk test data: the same seed always gives the
 * same county. Never use this for secrets (passwords, tokens): it is predictable by design.
 */

export type WeightedEntry<T> = readonly [value: T, weight: number];

export interface Random {
  /** The 32-bit seed this generator started from. */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value, chosen in proportion to its weight (a linear scan: for hot loops use `weightedPicker`). */
  weighted<T>(entries: readonly WeightedEntry<T>[]): T;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** A normally distributed number (Box–Muller), e.g. heights or marks. */
  normal(mean: number, sd: number): number;
  /**
   * An independent generator derived from this seed and a label, so that drawing more numbers in
   * one part of a generator (say, names) does not shift what another part (say, class sizes) draws.
   */
  fork(label: string): Random;
}

/** A 32-bit hash of a string (cyrb-style mixing), to turn labels into seeds. */
export function hashSeed(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for synthetic data. */
export function createRandom(seed: number | string): Random {
  const start = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  let state = start;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed: start,
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (entries) => {
      let total = 0;
      for (const [, w] of entries) total += w;
      let r = next() * total;
      for (const [value, w] of entries) {
        r -= w;
        if (r < 0) return value;
      }
      if (entries.length === 0) throw new Error('weighted pick from an empty list');
      return entries[entries.length - 1]![0];
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fork: (label) => createRandom(hashSeed(`${start}:${label}`)),
  };
}

/**
 * A weighted chooser with the cumulative weights computed once and a binary search per draw, for
 * loops over tens of thousands of records.
 */
export function weightedPicker<T>(entries: readonly WeightedEntry<T>[]): (rng: Random) => T {
  if (entries.length === 0) throw new Error('weightedPicker needs at least one entry');
  const values = entries.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    if (!(w >= 0)) throw new Error('weights must be non-negative numbers');
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/**
 * Splits `total` into `parts` whole numbers that sum to exactly `total`, each within about
 * ±`spread` (a fraction) of the mean: students over classes, children over villages.
 */
export function splitTotal(rng: Random, total: number, parts: number, spread = 0.1): number[] {
  if (!Number.isInteger(total) || total < 0) throw new Error('total must be a non-negative integer');
  if (!Number.isInteger(parts) || parts < 1) throw new Error('parts must be a positive integer');
  const weights = Array.from({ length: parts }, () => 1 + (rng.next() * 2 - 1) * spread);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let remainder = total - out.reduce((a, b) => a + b, 0);
  // Hand the rounding remainder to the largest fractional parts.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (remainder === 0) break;
    out[i]!++;
    remainder--;
  }
  return out;
}
