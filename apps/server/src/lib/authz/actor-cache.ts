import type { Actor } from './actor';

export interface CachedSession {
  actor: Actor;
  userId: string;
  userCountyId: string | null;
  lastSeenAt: Date;
  expiresAt: Date;
  loadedAt: number;
}

/**
 * Signed-in actors by session id, for a few seconds (SESSION_CACHE_SECONDS). Without it every
 * request runs the session statement before its own work. This process drops entries the moment
 * its own writes change them (`deleteSession`, `invalidateUser`, `invalidateAll`); the short
 * lifetime bounds staleness from anything written by another process or behind the app's back.
 *
 * A load that started before an invalidation must not put its (possibly stale) actor back: every
 * invalidation bumps `generation`, and `set` takes the generation seen when the load started.
 */
export class ActorCache {
  private readonly entries = new Map<string, CachedSession>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get enabled() {
    return this.ttlMs > 0;
  }

  /** Read before loading from the database; pass it to `set`. */
  get stamp() {
    return this.generation;
  }

  get(sessionId: string, now: number): CachedSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (now - entry.loadedAt >= this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry;
  }

  /** Keeps the entry unless something was invalidated since `stamp` was read. */
  set(sessionId: string, entry: CachedSession, stamp: number) {
    if (!this.enabled || stamp !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(sessionId, entry);
  }

  /** One session ended or changed (logout, idle or absolute timeout, sign-in replacing it). */
  deleteSession(sessionId: string) {
    this.generation++;
    this.entries.delete(sessionId);
  }

  /** Every session of one account (its profile, password, status, TOTP or roles changed). */
  invalidateUser(userId: string) {
    this.generation++;
    for (const [id, entry] of this.entries) if (entry.userId === userId) this.entries.delete(id);
  }

  /** Anything that may change many accounts' grants (units renamed, moved, deactivated). */
  invalidateAll() {
    this.generation++;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}
