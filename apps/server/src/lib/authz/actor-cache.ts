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
 * Signed-in actors by session id, for a few seconds. Without it every request costs three queries
 * (session, user, role assignments) before its own work. One process serves the app, so the
 * process can drop the cache whenever accounts, roles or units change (`invalidateAll`); the
 * short lifetime bounds staleness from anything written outside this process.
 */
export class ActorCache {
  private readonly entries = new Map<string, CachedSession>();

  constructor(private readonly ttlMs: number) {}

  get enabled() {
    return this.ttlMs > 0;
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

  set(sessionId: string, entry: CachedSession) {
    if (!this.enabled) return;
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(sessionId, entry);
  }

  delete(sessionId: string) {
    this.entries.delete(sessionId);
  }

  invalidateAll() {
    this.entries.clear();
  }
}
