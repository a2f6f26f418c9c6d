/**
 * Splits `total` whole units over parts in proportion to `weights`, each part between its
 * `min` and `max`: classes over schools by size, class teachers over schools by classes.
 * Deterministic (no randomness of its own); throws when the bounds cannot add up to `total`.
 */
export function allocate(
  total: number,
  weights: readonly number[],
  bounds: { min?: readonly number[]; max?: readonly number[] } = {},
): number[] {
  const n = weights.length;
  const min = bounds.min ?? weights.map(() => 0);
  const max = bounds.max ?? weights.map(() => Number.POSITIVE_INFINITY);
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  if (total < sumMin || total > sumMax) throw new Error(`cannot split ${total} within [${sumMin}, ${sumMax}]`);
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = [...min];
  let left = total - sumMin;
  // Hand out the rest one unit at a time to the part furthest below its share: with a heap this
  // would be faster, but the largest use (4,000 classes over 200 schools) takes milliseconds.
  while (left > 0) {
    let best = -1;
    let bestGap = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (out[i]! >= max[i]!) continue;
      const gap = (total * weights[i]!) / weightSum - out[i]!;
      if (gap > bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    out[best]!++;
    left--;
  }
  return out;
}
