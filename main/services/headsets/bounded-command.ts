import type { Readable } from 'node:stream';
import { HeadsetCommandError, notAnswering } from './headset-errors';

/** What bounds one command to a headset: time, output size and the caller's cancel. */
export interface CommandLimits {
  readonly signal?: AbortSignal | undefined;
  /** Whole command, from opening the connection to the last byte. */
  readonly timeoutMs?: number | undefined;
  readonly maxBytes?: number | undefined;
}

/** Generous for `dumpsys` on a busy headset, small enough that a silent one frees its slot soon. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 20_000;
/** `dumpsys activity activities` on a Quest is ~100 KB; `pm list packages` with 500 apps ~30 KB. */
export const DEFAULT_OUTPUT_CAP_BYTES = 2 * 1024 * 1024;

export interface Deadline {
  readonly signal: AbortSignal;
  /** Awaits `work`, giving up when the deadline passes; a result that arrives too late is handed to `discard`. */
  race<T>(work: PromiseLike<T>, discard?: (late: T) => void): Promise<T>;
  dispose(): void;
}

/** One signal that fires on the caller's abort or when the time is up (as "the headset stopped answering"). */
export function startDeadline(limits: CommandLimits, what: string): Deadline {
  const controller = new AbortController();
  const timeoutMs = limits.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(notAnswering(`no answer to ${what} within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  const outer = limits.signal;
  const follow = () => controller.abort(outer?.reason ?? new Error('Cancelled'));
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  const signal = controller.signal;
  return {
    signal,
    race<T>(work: PromiseLike<T>, discard?: (late: T) => void): Promise<T> {
      if (signal.aborted) {
        void Promise.resolve(work).then((late) => discard?.(late), () => undefined);
        return Promise.reject(signal.reason as Error);
      }
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const onAbort = () => {
          settled = true;
          reject(signal.reason as Error);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        Promise.resolve(work).then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            if (settled) discard?.(value);
            else resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            if (!settled) reject(error as Error);
          },
        );
      });
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', follow);
    },
  };
}

/**
 * Reads a command's output to its end, keeping at most `maxBytes` (more is refused, not truncated: a
 * parser must never see half an answer). The stream is destroyed on every way out but the normal end.
 */
export function readBounded(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      if (error) {
        // The ADB client keeps an error listener on its socket, so destroying cannot raise an uncaught one.
        stream.destroy();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new HeadsetCommandError('HEADSET_OUTPUT_TOO_LARGE', `The headset answered more than ${maxBytes} bytes`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    const onClose = () => finish(notAnswering('the connection closed before the answer ended'));
    const onAbort = () => finish(signal.reason as Error);
    if (signal.aborted) return onAbort();
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
