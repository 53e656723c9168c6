import { shellQuote } from '../headsets/adbkit-headset-bridge';
import type { CommandLimits, HeadsetBridge, InstallOutcome } from '../headsets/headset-bridge';
import { HeadsetCommandError } from '../headsets/headset-errors';
import { parseDfKilobytes } from '../headsets/adb-output';
import { deviceProblem, lowStorageReserveBytes, preflight } from './preflight';
import { signerCheck } from './signer-check';
import { DEFAULT_SIDELOAD_TIMING, installTimeoutMs, transferCeilingMs } from './sideload-timing';
import type { SideloadTiming } from './sideload-timing';
import { untouchedUpdate } from './sideload-types';
import type { SideloadRequest, SideloadUpdate } from './sideload-types';

export interface SideloadRunOptions {
  readonly signal: AbortSignal;
  readonly now: () => Date;
  readonly onUpdate: (update: SideloadUpdate) => void;
  /** Progress is reported at most this often (and always at 0 and 100%), so 24 headsets do not flood IPC. */
  readonly progressIntervalMs?: number;
  readonly timing?: SideloadTiming;
  readonly installMethod?: InstallMethod;
  /**
   * Holds one of the cart's transfer slots while bytes move (not while pm installs or the headset is
   * asked questions), so the shared link stays busy while other headsets install.
   */
  readonly transferSlot?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** 'stream': into a package-installer session, like `adb install`; 'push': copy to /data/local/tmp, then pm install. */
export type InstallMethod = 'stream' | 'push';
/**
 * Chosen by the sideload benchmark (docs/headsets/sideload-performance.md): streaming matched `adb install`
 * on one headset and came as close or closer to the shared link's limit than push in every cart profile;
 * it also writes the APK once on the headset and leaves nothing in /data/local/tmp.
 */
export const DEFAULT_INSTALL_METHOD: InstallMethod = 'stream';

/**
 * pm failures a retry can get past with the same pushed file; every other refusal is permanent for this
 * file on this headset, and the pushed copy is removed (on a nearly full headset it is part of the problem).
 */
const RETRYABLE_INSTALL_FAILURES = new Set(['INSTALL_FAILED_INTERNAL_ERROR', 'INSTALL_FAILED_ABORTED', 'INSTALL_FAILED_MEDIA_UNAVAILABLE', 'INSTALL_FAILED_UNKNOWN']);

/** adbd's sync FAIL text when /data fills up mid-write, as adb relays it. */
function ranOutOfStorage(error: unknown): boolean {
  return error instanceof Error && /No space left on device|ENOSPC/i.test(error.message);
}

/** Where the APK waits on the headset; named by content so a retry finds what an earlier try pushed. */
export function remoteApkPath(sha256: string): string {
  return `/data/local/tmp/outpost-${sha256.slice(0, 16)}.apk`;
}

/**
 * One APK (and its OBBs) to one headset: preflight, push with progress, `pm install`, OBBs, then verify
 * the installed versionCode. Never throws: every outcome, including cancellation, ends in an update.
 */
export async function runSideload(bridge: HeadsetBridge, request: SideloadRequest, options: SideloadRunOptions): Promise<SideloadUpdate> {
  const { apk, serial } = request;
  let state: SideloadUpdate = untouchedUpdate(request, 'queued', options.now());
  const emit = (patch: Partial<SideloadUpdate>) => {
    state = { ...state, ...patch, at: options.now().toISOString() };
    options.onUpdate(state);
    return state;
  };
  let lastProgressAt = 0;
  const progress = (bytes: number) => {
    const at = Date.now();
    if (bytes < state.bytes_total && at - lastProgressAt < (options.progressIntervalMs ?? 200)) return;
    lastProgressAt = at;
    emit({ bytes_sent: bytes });
  };

  const timing = options.timing ?? DEFAULT_SIDELOAD_TIMING;
  // Every question to the headset carries the job's cancel and a deadline, so a silent headset frees its slot.
  const ask: CommandLimits = { signal: options.signal, timeoutMs: timing.commandTimeoutMs };
  const remote = remoteApkPath(apk.sha256);
  /** Best effort: a headset that cannot take an rm now gets it on the next successful install. */
  const removeRemote = () => bridge.shell(serial, `rm -f ${shellQuote(remote)}`, { timeoutMs: timing.commandTimeoutMs }).then(
    () => undefined,
    () => undefined,
  );

  const installing = { signal: options.signal, timeoutMs: installTimeoutMs(timing, apk.size_bytes) };
  const slot = options.transferSlot ?? (<T>(work: () => Promise<T>) => work());
  const method = options.installMethod ?? DEFAULT_INSTALL_METHOD;
  /**
   * adbkit can lose adbd's FAIL text when its writer trips over the closed connection first ("write after
   * end"), so a failed transfer also asks the headset: no room left for the APK above the reserve means
   * storage ran out, whatever the error said.
   */
  const storageNowShort = async () => {
    const df = await bridge.shell(serial, 'df -k /data', { timeoutMs: timing.commandTimeoutMs }).catch(() => null);
    const space = df === null ? null : parseDfKilobytes(df);
    return space !== null && space.freeBytes < apk.size_bytes + lowStorageReserveBytes(space.totalBytes);
  };
  /**
   * The APK onto the headset and through pm. A complete copy pushed by an earlier try is installed as it
   * is (nothing moves again); otherwise either streamed into a package-installer session (what `adb
   * install` does) or pushed to /data/local/tmp and installed from there, as options.installMethod says.
   */
  const transferAndInstall = async () => {
    const pushedBefore = (await bridge.remoteSize(serial, remote, ask)) === apk.size_bytes;
    if (!pushedBefore && method === 'stream') {
      // The slot is given back once the last byte is on its way; pm's answer is awaited outside it.
      let outcome: Promise<InstallOutcome> | null = null;
      await slot(
        () =>
          new Promise<void>((release) => {
            outcome = bridge.streamInstall(serial, apk.path, apk.size_bytes, ['-r', '-g'], {
              signal: options.signal,
              stallMs: timing.stallMs,
              installTimeoutMs: installing.timeoutMs,
              onProgress: (bytes) => {
                progress(bytes);
                if (bytes === apk.size_bytes) {
                  emit({ status: 'installing' });
                  release();
                }
              },
            });
            outcome.then(
              () => release(),
              () => release(),
            );
          }),
      );
      return (outcome as Promise<InstallOutcome> | null) ?? Promise.reject(new Error('The install did not start'));
    }
    if (!pushedBefore) {
      await slot(() => bridge.push(serial, apk.path, remote, { signal: options.signal, onProgress: progress, stallMs: timing.stallMs, maxMs: transferCeilingMs(timing, apk.size_bytes) }));
    }
    progress(apk.size_bytes);
    options.signal.throwIfAborted();
    emit({ status: 'installing' });
    return bridge.install(serial, remote, ['-r', '-g'], installing);
  };

  try {
    const refused = deviceProblem((await bridge.list()).find((d) => d.serial === serial));
    if (refused?.kind === 'refuse') return emit({ status: 'failed', error_code: refused.code, error_message: refused.message });
    const details = await bridge.describe(serial, ask);
    const check = preflight(apk, details, method === 'stream' ? 1 : 2);
    if (check.kind === 'skip') return emit({ status: 'skipped', bytes_sent: 0 });
    if (check.kind === 'refuse') return emit({ status: 'failed', error_code: check.code, error_message: check.message });
    const signer = await signerCheck(bridge, request, details, ask);
    if (signer.kind === 'refuse') return emit({ status: 'failed', error_code: signer.code, error_message: signer.message });

    options.signal.throwIfAborted();
    emit({ status: 'transferring', transfer_started_at: options.now().toISOString() });
    const installOutcome = await transferAndInstall();
    if (!installOutcome.ok) {
      if (!RETRYABLE_INSTALL_FAILURES.has(installOutcome.code)) await removeRemote();
      return emit({ status: 'failed', error_code: installOutcome.code, error_message: installOutcome.message });
    }

    let sent = apk.size_bytes;
    for (const obb of apk.obbs) {
      const base = sent;
      await slot(() =>
        bridge.push(serial, obb.path, `/sdcard/Android/obb/${apk.package_name}/${obb.name}`, {
          signal: options.signal,
          onProgress: (bytes) => progress(base + bytes),
          stallMs: timing.stallMs,
          maxMs: transferCeilingMs(timing, obb.size_bytes),
        }),
      );
      sent += obb.size_bytes;
    }

    emit({ status: 'verifying', bytes_sent: state.bytes_total });
    const version = await bridge.installedVersion(serial, apk.package_name, ask);
    if (version !== BigInt(apk.version_code)) {
      return emit({ status: 'failed', error_code: 'VERIFY_FAILED', error_message: `Installed versionCode is ${version ?? 'missing'}, expected ${apk.version_code}` });
    }
    const verifiedAt = options.now().toISOString();
    await removeRemote();
    // transfer_completed_at keeps its meaning for the renderer (the verified end of the job's transfer).
    return emit({ status: 'done', transfer_completed_at: verifiedAt, install_verified_at: verifiedAt });
  } catch (error) {
    if (options.signal.aborted) return emit({ status: 'cancelled', error_code: null, error_message: null });
    if (error instanceof HeadsetCommandError) return emit({ status: 'failed', error_code: error.code, error_message: error.message.slice(0, 300) });
    if (ranOutOfStorage(error) || (await storageNowShort())) {
      await removeRemote();
      return emit({ status: 'failed', error_code: 'STORAGE_FULL_DURING_TRANSFER', error_message: `The headset ran out of storage during the transfer (${(error as Error).message.slice(0, 200)})` });
    }
    const gone = !(await bridge.list().catch(() => [])).some((d) => d.serial === serial && d.state === 'device');
    return emit({
      status: 'failed',
      error_code: gone ? 'HEADSET_DISCONNECTED' : 'TRANSFER_FAILED',
      error_message: (error as Error).message.slice(0, 300),
    });
  }
}
