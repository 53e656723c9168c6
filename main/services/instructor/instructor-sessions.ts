/** An instructor session ends after this long without an instructor-only call. */
export const DEFAULT_IDLE_MS = 15 * 60_000;

/**
 * Instructor sessions, one per caller (an Electron window, a serve connection). A session belongs to
 * the caller that signed in: another window or connection is a learner until it signs in itself.
 */
export class InstructorSessions {
  readonly #lastActive = new Map<string, number>();

  constructor(
    private readonly now: () => Date,
    private readonly idleMs: number = DEFAULT_IDLE_MS,
  ) {}

  start(senderId: string): void {
    this.#lastActive.set(senderId, this.now().getTime());
  }

  end(senderId: string): void {
    this.#lastActive.delete(senderId);
  }

  endAllExcept(senderId: string): void {
    for (const id of [...this.#lastActive.keys()]) if (id !== senderId) this.#lastActive.delete(id);
  }

  /** Whether the caller holds a live session; an expired one is dropped. */
  active(senderId: string): boolean {
    const last = this.#lastActive.get(senderId);
    if (last === undefined) return false;
    if (this.now().getTime() - last >= this.idleMs) {
      this.#lastActive.delete(senderId);
      return false;
    }
    return true;
  }

  /** Checks and, when live, extends the session: instructor work keeps it open. */
  touch(senderId: string): boolean {
    if (!this.active(senderId)) return false;
    this.start(senderId);
    return true;
  }

  expiresAt(senderId: string): Date | null {
    if (!this.active(senderId)) return null;
    return new Date((this.#lastActive.get(senderId) ?? 0) + this.idleMs);
  }
}
