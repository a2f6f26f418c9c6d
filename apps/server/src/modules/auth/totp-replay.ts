/**
 * The last TOTP time step each user signed in with, in memory (one process serves the app, as for
 * the login throttle). A code is refused unless its step is newer, so an observed code cannot be
 * used again within its validity window. After a restart the window is at most 90 s.
 */
export class TotpReplayGuard {
  private readonly lastStep = new Map<string, number>();

  /** Records the step and answers true when it is newer than the last one used by this user. */
  accept(userId: string, step: number): boolean {
    const last = this.lastStep.get(userId);
    if (last !== undefined && step <= last) return false;
    if (this.lastStep.size > 50_000) this.prune(step);
    this.lastStep.set(userId, step);
    return true;
  }

  /** Steps more than two behind now can no longer validate (window ±1), so forgetting them is safe. */
  private prune(now: number) {
    for (const [userId, step] of this.lastStep) if (step < now - 2) this.lastStep.delete(userId);
  }
}
