import { playerCommitSchema } from '../../../shared/scorm/player-messages';
import type { PlayerCommit } from '../../../shared/scorm/player-messages';

export type CommitStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The app's own write-ahead copy of commits it has received but not yet saved: written synchronously in
 * the message handler (first-party localStorage, always available), removed once the data layer has the
 * commit. A window that closes mid-save replays them at the session's next launch. The shell keeps a
 * second copy on the course origin for messages that never reached the app (when that storage is allowed).
 */
export class PendingCommits {
  readonly #key: string;

  constructor(
    private readonly store: CommitStore,
    sessionId: string,
  ) {
    this.#key = `outpost.scorm-pending.${sessionId}`;
  }

  list(): PlayerCommit[] {
    try {
      const raw = JSON.parse(this.store.getItem(this.#key) ?? '[]') as unknown[];
      return raw.flatMap((entry) => {
        const parsed = playerCommitSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      });
    } catch {
      return [];
    }
  }

  add(commit: PlayerCommit): void {
    this.#write([...this.list().filter((c) => c.item_id !== commit.item_id || c.sitting_id !== commit.sitting_id || c.seq > commit.seq), commit]);
  }

  remove(commit: PlayerCommit): void {
    this.#write(this.list().filter((c) => !(c.sitting_id === commit.sitting_id && c.seq <= commit.seq)));
  }

  #write(commits: PlayerCommit[]): void {
    try {
      if (commits.length === 0) this.store.removeItem(this.#key);
      else this.store.setItem(this.#key, JSON.stringify(commits));
    } catch {
      // Full storage: the commit is still being saved; only the crash copy is missing.
    }
  }
}
