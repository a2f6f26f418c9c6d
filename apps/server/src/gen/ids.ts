import type { Random } from '../demo/random';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A random-looking (version 4 layout) UUID drawn from a seeded generator: same seed, same ids. */
export function seededUuid(rng: Random): string {
  const word = () => Math.floor(rng.next() * 0x1_0000_0000);
  const a = word();
  const b = word();
  const c = word();
  const d = word();
  const timeHigh = 0x4000 | (b & 0x0fff);
  const clock = 0x8000 | ((c >>> 16) & 0x3fff);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(timeHigh, 4)}-${hex(clock, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
}
