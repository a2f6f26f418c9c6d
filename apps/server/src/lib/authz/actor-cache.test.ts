import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { ActorCache, type CachedSession } from './actor-cache';

const entry = (userId: string, loadedAt = 0): CachedSession => ({
  actor: { userId } as Actor,
  userId,
  userCountyId: null,
  lastSeenAt: new Date(0),
  expiresAt: new Date(1e12),
  loadedAt,
});

describe('ActorCache', () => {
  it('keeps an entry for its lifetime only', () => {
    const cache = new ActorCache(5000);
    cache.set('s1', entry('u1', 1000), cache.stamp);
    expect(cache.get('s1', 5999)?.userId).toBe('u1');
    expect(cache.get('s1', 6000)).toBeUndefined();
  });

  it('does not put back an actor loaded before an invalidation', () => {
    const cache = new ActorCache(5000);
    const stamp = cache.stamp; // a request starts loading s1 from the database …
    cache.invalidateUser('u1'); // … while a write about u1 commits and drops it
    cache.set('s1', entry('u1'), stamp);
    expect(cache.get('s1', 1)).toBeUndefined();
    cache.set('s1', entry('u1'), cache.stamp);
    expect(cache.get('s1', 1)).toBeDefined();
  });

  it('drops one session, one account’s sessions, or all', () => {
    const cache = new ActorCache(5000);
    for (const [s, u] of [
      ['a1', 'ua'],
      ['a2', 'ua'],
      ['b1', 'ub'],
      ['c1', 'uc'],
    ])
      cache.set(s!, entry(u!), cache.stamp);
    cache.deleteSession('c1');
    expect(cache.get('c1', 1)).toBeUndefined();
    cache.invalidateUser('ua');
    expect([cache.get('a1', 1), cache.get('a2', 1)]).toEqual([undefined, undefined]);
    expect(cache.get('b1', 1)?.userId).toBe('ub');
    cache.invalidateAll();
    expect(cache.size).toBe(0);
  });

  it('caches nothing with a zero lifetime, and stays bounded', () => {
    const off = new ActorCache(0);
    off.set('s', entry('u'), off.stamp);
    expect(off.size).toBe(0);
    const small = new ActorCache(5000, 2);
    for (const s of ['x', 'y', 'z']) small.set(s, entry(s), small.stamp);
    expect(small.size).toBeLessThanOrEqual(2);
    expect(small.get('z', 1)).toBeDefined();
  });
});
