import { stat } from 'node:fs/promises';
import type { SideloadJobSpec, SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { HeadsetService } from '../headsets/headset-service';
import type { PackageStore } from '../packages/package-store';
import type { SideloadManager } from './sideload-manager';
import type { SideloadRequest } from './sideload-types';

export interface SideloadServiceDeps {
  readonly manager: SideloadManager;
  readonly store: PackageStore;
  readonly headsets: HeadsetService;
  readonly now: () => Date;
  readonly onUpdate: (update: SideloadUpdate) => void;
}

/** How many finished jobs main remembers for windows catching up; running ones are always kept. */
export const RECENT_JOBS = 500;

/** Turns the renderer's job specs into runs over files in the package store, and refreshes each headset after. */
export class SideloadService {
  readonly #latest = new Map<string, SideloadUpdate>();

  constructor(private readonly deps: SideloadServiceDeps) {}

  /** Every update passes through here on its way to the windows, so a window that missed some can catch up. */
  record(update: SideloadUpdate): void {
    this.#latest.delete(update.id);
    this.#latest.set(update.id, update);
    if (this.#latest.size > RECENT_JOBS) {
      const oldest = [...this.#latest.values()].find((u) => ['done', 'skipped', 'failed', 'cancelled'].includes(u.status));
      if (oldest) this.#latest.delete(oldest.id);
    }
  }

  jobs(): SideloadUpdate[] {
    return [...this.#latest.values()];
  }

  async start(specs: readonly SideloadJobSpec[]): Promise<string[]> {
    const accepted: string[] = [];
    for (const spec of specs) {
      const request = await this.#request(spec);
      if (!request) {
        const refused = this.#missingFile(spec);
        this.record(refused);
        this.deps.onUpdate(refused);
        continue;
      }
      accepted.push(spec.job_id);
      void this.deps.manager.start(request).then(() => this.deps.headsets.refresh(spec.serial));
    }
    return accepted;
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
