import { stat } from 'node:fs/promises';
import type { SideloadJobSpec, SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { HeadsetService } from '../headsets/headset-service';
import type { PackageStore } from '../packages/package-store';
import { RUNNING_STATUSES } from './sideload-journal';
import type { SideloadJournal } from './sideload-journal';
import type { SideloadManager } from './sideload-manager';
import { untouchedUpdate } from './sideload-types';
import type { SideloadRequest } from './sideload-types';

export interface SideloadServiceDeps {
  readonly manager: SideloadManager;
  readonly store: PackageStore;
  readonly headsets: HeadsetService;
  readonly now: () => Date;
  readonly onUpdate: (update: SideloadUpdate) => void;
  /**
   * Jobs on disk (docs/crash-safety.md): with one, every new status is written before it is published, a
   * job that was running when main last stopped is reported `interrupted`, and `resume` runs it again.
   */
  readonly journal?: SideloadJournal;
}

export type ResumeOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: 'UNKNOWN_JOB' | 'NOT_INTERRUPTED' | 'APK_NOT_STORED' };

/** What a job that main was running when it stopped says after the restart. */
export const INTERRUPTED_CODE = 'INTERRUPTED';

/** How many finished jobs main remembers for windows catching up; running ones are always kept. */
export const RECENT_JOBS = 500;

/** Turns the renderer's job specs into runs over files in the package store, and refreshes each headset after. */
export class SideloadService {
  readonly #latest = new Map<string, SideloadUpdate>();
  /** Updates go out in the order they came, each after its journal write (if it needs one). */
  #out: Promise<void> = Promise.resolve();
  readonly #restored: Promise<void>;
  readonly #resuming = new Set<string>();

  constructor(private readonly deps: SideloadServiceDeps) {
    this.#restored = this.#restore();
  }

  /** Resolves once the journal was read and the jobs it found running were marked interrupted. */
  get restored(): Promise<void> {
    return this.#restored;
  }

  async #restore(): Promise<void> {
    const { journal } = this.deps;
    if (!journal) return;
    let entries;
    try {
      entries = await journal.load();
    } catch {
      // Unreadable (permissions, a folder in its place): start with nothing rather than not at all.
      return;
    }
    const now = this.deps.now().getTime();
    for (const entry of entries) {
      if (!RUNNING_STATUSES.has(entry.update.status)) {
        this.record(entry.update);
        continue;
      }
      // It was running when main stopped: whatever the headset holds now, the job did not finish here.
      // Later than its last update even if the clock went back meanwhile: windows keep the newest update.
      const at = new Date(Math.max(now, Date.parse(entry.update.at) + 1)).toISOString();
      const interrupted: SideloadUpdate = { ...entry.update, status: 'interrupted', error_code: INTERRUPTED_CODE, error_message: 'The kiosk stopped while this install was running', at };
      this.record(interrupted);
      await journal.put({ spec: entry.spec, update: interrupted }).catch(() => undefined);
    }
  }

  /**
   * Every update of a run comes here: remembered, journalled when its status is new (so what a window was
   * told is never ahead of what main would say after a restart), then published, in order.
   */
  publish(update: SideloadUpdate): Promise<void> {
    this.record(update);
    const { journal } = this.deps;
    const entry = journal?.get(update.id);
    const write = journal && entry && entry.update.status !== update.status ? journal.put({ spec: entry.spec, update }) : null;
    const next = this.#out.then(async () => {
      // A journal that cannot be written must not stop installs: the update still goes out.
      if (write) await write.catch(() => undefined);
      this.deps.onUpdate(update);
    });
    this.#out = next;
    return next;
  }

  /** Every update passes through here on its way to the windows, so a window that missed some can catch up. */
  record(update: SideloadUpdate): void {
    this.#latest.delete(update.id);
    this.#latest.set(update.id, update);
    if (this.#latest.size > RECENT_JOBS) {
      const oldest = [...this.#latest.values()].find((u) => !RUNNING_STATUSES.has(u.status));
      if (oldest) this.#latest.delete(oldest.id);
    }
  }

  async jobs(): Promise<SideloadUpdate[]> {
    await this.#restored;
    return [...this.#latest.values()];
  }

  async start(specs: readonly SideloadJobSpec[]): Promise<string[]> {
    await this.#restored;
    const accepted: string[] = [];
    for (const spec of specs) {
      if (await this.#run(spec)) accepted.push(spec.job_id);
    }
    return accepted;
  }

  /** Runs an interrupted job again under its own id, from the spec the journal kept. */
  async resume(jobId: string): Promise<ResumeOutcome> {
    await this.#restored;
    const entry = this.deps.journal?.get(jobId);
    if (!entry) return { ok: false, reason: 'UNKNOWN_JOB' };
    // Two presses (or two windows) must not start it twice: the first claims it before anything awaits.
    if (this.#latest.get(jobId)?.status !== 'interrupted' || this.#resuming.has(jobId)) return { ok: false, reason: 'NOT_INTERRUPTED' };
    this.#resuming.add(jobId);
    try {
      return (await this.#run(entry.spec)) ? { ok: true } : { ok: false, reason: 'APK_NOT_STORED' };
    } finally {
      this.#resuming.delete(jobId);
    }
  }

  async #run(spec: SideloadJobSpec): Promise<boolean> {
    const request = await this.#request(spec);
    if (!request) {
      const refused = this.#missingFile(spec);
      await this.deps.journal?.put({ spec, update: refused }).catch(() => undefined);
      await this.publish(refused);
      return false;
    }
    // On disk before the job runs: if main dies from here on, the restart finds it and says so.
    const queued = untouchedUpdate(request, 'queued', this.deps.now());
    this.record(queued);
    await this.deps.journal?.put({ spec, update: queued }).catch(() => undefined);
    void this.deps.manager.start(request).then(() => this.deps.headsets.refresh(spec.serial));
    return true;
  }


  cancel(jobId: string): boolean {
    return this.deps.manager.cancel(jobId);
  }

  async #request(spec: SideloadJobSpec): Promise<SideloadRequest | null> {
    const { store } = this.deps;
    // The manifest as main read it at import: the renderer's word is not what preflight checks against.
    const details = await store.apkDetails(spec.apk_sha256);
    if (!details) return null;
    const obbs = [];
    for (const obb of spec.obb_files) {
      if (!(await store.has('obb', obb.sha256))) return null;
      const path = store.pathOf('obb', obb.sha256);
      obbs.push({ path, name: obb.name, size_bytes: (await stat(path)).size });
    }
    const path = store.pathOf('apk', spec.apk_sha256);
    return {
      jobId: spec.job_id,
      serial: spec.serial,
      packageId: spec.package_id,
      vrSessionId: spec.vr_session_id,
      uninstallFirst: spec.uninstall_first === true,
      apk: {
        path,
        package_name: details.package_name,
        version_code: details.version_code,
        size_bytes: (await stat(path)).size,
        sha256: spec.apk_sha256,
        min_sdk: details.min_sdk,
        target_sdk: details.target_sdk,
        native_abis: details.native_abis,
        signature_hash: details.signature_hash,
        target_platforms: spec.target_platforms,
        obbs,
      },
    };
  }

  #missingFile(spec: SideloadJobSpec): SideloadUpdate {
    return {
      id: spec.job_id,
      serial: spec.serial,
      package_id: spec.package_id,
      vr_session_id: spec.vr_session_id,
      status: 'failed',
      bytes_total: 0,
      bytes_sent: 0,
      error_code: 'APK_NOT_STORED',
      error_message: 'This kiosk does not have the APK for this package; import it first',
      transfer_started_at: null,
      transfer_completed_at: null,
      install_verified_at: null,
      at: this.deps.now().toISOString(),
    };
  }
}
