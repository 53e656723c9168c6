import type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';
import type { VrTargetPlatform } from '../../../shared/schemas/vr-package';

export interface SideloadApk {
  readonly path: string;
  readonly package_name: string;
  readonly version_code: number;
  readonly size_bytes: number;
  readonly sha256: string;
  readonly min_sdk: number | null;
  readonly target_sdk: number | null;
  /** ABIs with native code; empty: none, so any headset runs it. */
  readonly native_abis: readonly string[];
  /** Signature#hashCode of the signing certificate; null when unknown (no check before pushing). */
  readonly signature_hash: string | null;
  readonly target_platforms: readonly VrTargetPlatform[];
  readonly obbs: ReadonlyArray<{ readonly path: string; readonly name: string; readonly size_bytes: number }>;
}

export interface SideloadRequest {
  readonly jobId: string;
  readonly serial: string;
  readonly packageId: string;
  readonly vrSessionId: string | null;
  readonly apk: SideloadApk;
  /** Remove a differently signed copy on the headset first (the instructor chose to). */
  readonly uninstallFirst?: boolean;
}

/** Codes the renderer turns into words; pm's own INSTALL_FAILED_* codes pass through unchanged. */
export type SideloadErrorCode =
  | 'HEADSET_DISCONNECTED'
  | 'HEADSET_UNAUTHORIZED'
  | 'HEADSET_OFFLINE'
  | 'HEADSET_NO_PERMISSIONS'
  | 'PLATFORM_MISMATCH'
  | 'VERSION_DOWNGRADE'
  | 'INSUFFICIENT_STORAGE'
  | 'LOW_BATTERY'
  | 'TRANSFER_FAILED'
  | 'VERIFY_FAILED'
  | 'HEADSET_NOT_ANSWERING'
  | 'STORAGE_FULL_DURING_TRANSFER'
  | 'INSTALL_FAILED_OLDER_SDK'
  | 'INSTALL_FAILED_DEPRECATED_SDK_VERSION'
  | 'INSTALL_FAILED_NO_MATCHING_ABIS'
  | 'HEADSET_OUTPUT_TOO_LARGE'
  | (string & {});

export type { SideloadUpdate } from '../../../shared/headsets/sideload-contract';

/** A job's update before any byte moved: queued, or cancelled before it started. Sizes count the OBBs too. */
export function untouchedUpdate(request: SideloadRequest, status: 'queued' | 'cancelled', at: Date): SideloadUpdate {
  return {
    id: request.jobId,
    serial: request.serial,
    package_id: request.packageId,
    vr_session_id: request.vrSessionId,
    status,
    bytes_total: request.apk.size_bytes + request.apk.obbs.reduce((sum, obb) => sum + obb.size_bytes, 0),
    bytes_sent: 0,
    error_code: null,
    error_message: null,
    transfer_started_at: null,
    transfer_completed_at: null,
    install_verified_at: null,
    at: at.toISOString(),
  };
}
