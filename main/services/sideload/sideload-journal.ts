import { z } from 'zod';
import { sideloadJobSpecSchema, sideloadUpdateSchema } from '../../../shared/headsets/sideload-contract';
import type { SideloadJobSpec, SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import { JsonFileStore } from '../json-file-store';

export interface JournalEntry {
  /** What the renderer asked for: enough to run the job again. */
  readonly spec: SideloadJobSpec;
  /** Its latest update with a new status (byte progress is not journalled). */
  readonly update: SideloadUpdate;
}

const journalSchema = z.object({ jobs: z.array(z.object({ spec: sideloadJobSpecSchema, update: sideloadUpdateSchema })) });

/** Statuses of a job that is still running: after a restart, such a job was interrupted. */
export const RUNNING_STATUSES: ReadonlySet<SideloadUpdate['status']> = new Set(['queued', 'transferring', 'installing', 'verifying']);

/** How many finished jobs the journal keeps (running ones always), as main remembers for catching up. */
export const JOURNAL_FINISHED_JOBS = 500;

/**
 * Main's record of sideload jobs on disk (`<data dir>/sideload-jobs.json`), so a job the kiosk was running
 * when it was killed or lost power is known after the restart: reported as interrupted, and resumable
 * from its spec. Written atomically and durably (JsonFileStore); changes that come while a write is under
 * way go out together in the next one.
 */
export class SideloadJournal {
  readonly #store: JsonFileStore<z.infer<typeof journalSchema>>;
  readonly #entries = new Map<string, JournalEntry>();
  #scheduled: Promise<void> | null = null;
  #lastWrite: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#store = new JsonFileStore(path, journalSchema, { jobs: [] });
  }

  /** What the file holds (a damaged file reads as empty: the jobs it named are lost, the app still starts). */
  async load(): Promise<JournalEntry[]> {
    const { jobs } = await this.#store.read();
    for (const entry of jobs) this.#entries.set(entry.spec.job_id, entry);
    return jobs;
  }

  get(jobId: string): JournalEntry | undefined {
    return this.#entries.get(jobId);
  }

  /** Records the entry; resolves once a write holding it (or something newer for the job) is on disk. */
  put(entry: JournalEntry): Promise<void> {
    this.#entries.delete(entry.spec.job_id);
    this.#entries.set(entry.spec.job_id, entry);
    this.#prune();
    return this.#flush();
  }

  #prune(): void {
    let finished = [...this.#entries.values()].filter((entry) => !RUNNING_STATUSES.has(entry.update.status)).length;
    for (const [id, entry] of this.#entries) {
      if (finished <= JOURNAL_FINISHED_JOBS) return;
      if (RUNNING_STATUSES.has(entry.update.status)) continue;
      this.#entries.delete(id);
      finished -= 1;
    }
  }

  #flush(): Promise<void> {
    // A write not started yet takes its snapshot when it starts, so it carries this change too.
    if (this.#scheduled) return this.#scheduled;
    const scheduled = this.#lastWrite.then(() => {
      this.#scheduled = null;
      return this.#store.write({ jobs: [...this.#entries.values()] });
    });
    this.#scheduled = scheduled;
    this.#lastWrite = scheduled.catch(() => undefined);
    return scheduled;
  }
}
