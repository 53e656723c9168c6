import type { EventEmitter } from 'node:events';
import { isConnectionError, notAnswering } from './headset-errors';

/** No byte taken by the link for this long means the headset stopped answering (asleep, out of range). */
export const DEFAULT_STALL_MS = 15_000;

export interface WatchedTransfer extends EventEmitter {
  cancel(): unknown;
}

export interface WatchOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((bytesSent: number) => void) | undefined;
  readonly stallMs?: number | undefined;
  readonly maxMs?: number | undefined;
}

/**
 * Waits for an adbkit push to end, failing it when the caller aborts, when no progress came for
 * `stallMs` (the final OKAY counts: a headset that took every byte but never confirms is stalled too), or
 * when the whole transfer outlives `maxMs`. A failed transfer is cancelled so its connection closes and
 * the job's slot is free again.
 */
export function watchTransfer(transfer: WatchedTransfer, options: WatchOptions): Promise<void> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  return new Promise<void>((resolve, reject) => {
    let stallTimer: NodeJS.Timeout | undefined;
    const ceiling = options.maxMs === undefined ? undefined : setTimeout(() => fail(notAnswering(`the transfer took longer than ${Math.round((options.maxMs ?? 0) / 1000)} s`)), options.maxMs);
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => fail(notAnswering(`nothing moved for ${Math.round(stallMs / 1000)} s`)), stallMs);
    };
    const cleanup = () => {
      clearTimeout(stallTimer);
      clearTimeout(ceiling);
      options.signal?.removeEventListener('abort', onAbort);
      transfer.off('progress', onProgress);
      transfer.off('end', onEnd);
      // Late errors of a finished transfer have nobody to tell; keep one listener so none is uncaught.
      transfer.off('error', onError);
      transfer.on('error', () => undefined);
    };
    const fail = (error: Error) => {
      cleanup();
      transfer.cancel();
      reject(error);
    };
    const onAbort = () => fail((options.signal?.reason as Error | undefined) ?? new Error('Transfer cancelled'));
    const onProgress = (stats: { bytesTransferred: number }) => {
      armStall();
      options.onProgress?.(stats.bytesTransferred);
    };
    // adbkit's writer and reader both report: when the headset answers FAIL ("No space left on device")
    // and the connection closes, the writer's "write after end" can come first. The transfer always ends
    // after its errors, so the verdict waits for the end and prefers the headset's own words.
    let failure: Error | null = null;
    const onEnd = () => {
      cleanup();
      if (failure) reject(failure);
      else resolve();
    };
    const onError = (error: Error) => {
      if (failure === null || (isConnectionError(failure) && !isConnectionError(error))) failure = error;
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    transfer.on('progress', onProgress);
    transfer.on('end', onEnd);
    transfer.on('error', onError);
    armStall();
  });
}
