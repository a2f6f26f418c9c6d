/**
 * Counts login attempts per key in a sliding window, in memory. One process serves the app
 * (see DESIGN.md), so memory is the right place; the account lock itself lives in the database.
 */
export class AttemptThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Records an attempt; returns how many fall inside the window, this one included. */
  hit(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) this.prune(now);
    return recent.length;
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  /**
   * Takes back the latest attempt of `key`. Attempts are counted before the password is checked
   * (so parallel guesses cannot slip past the limit); a successful one is then released, so many
   * people signing in from one address (a school behind one NAT) are never throttled.
   */
  release(key: string): void {
    const times = this.hits.get(key);
    times?.pop();
    if (times?.length === 0) this.hits.delete(key);
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
  }
}
