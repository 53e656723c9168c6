import { playerCommitSchema } from '../../../../shared/scorm/player-messages';
import type { PlayerCommit } from '../../../../shared/scorm/player-messages';

/**
 * A write-ahead copy of each item's latest commit in the course origin's localStorage (per learner, like
 * every course origin), removed when the app acknowledges it. If the window closes or crashes before the
 * app has saved a commit, the next launch of the session hands it over first.
 */
export class CommitJournal {
  readonly #key: string;

  constructor(
    private readonly storage: Storage,
    sessionId: string,
  ) {
    this.#key = `outpost-scorm-journal:${sessionId}`;
  }

  pending(): PlayerCommit[] {
    try {
      const raw = JSON.parse(this.storage.getItem(this.#key) ?? '{}') as Record<string, unknown>;
      return Object.values(raw).flatMap((entry) => {
        const parsed = playerCommitSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return [];
    }
  }

  write(commit: PlayerCommit): void {
    const entries = Object.fromEntries(this.pending().map((c) => [c.item_id, c]));
    entries[commit.item_id] = commit;
    try {
      this.storage.setItem(this.#key, JSON.stringify(entries));
    } catch {
      // Storage full or blocked: the commit still goes to the app; only the crash copy is missing.
    }
  }

  ack(sittingId: string, seq: number): void {
    const left = this.pending().filter((c) => !(c.sitting_id === sittingId && c.seq <= seq));
    if (left.length === 0) this.storage.removeItem(this.#key);
    else this.storage.setItem(this.#key, JSON.stringify(Object.fromEntries(left.map((c) => [c.item_id, c]))));
  }
}
