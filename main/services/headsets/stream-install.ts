import { createReadStream } from 'node:fs';
import type { Duplex } from 'node:stream';
import { parseInstallOutput } from './adb-output';
import type { InstallOutput as InstallOutcome } from './adb-output';
import { DEFAULT_OUTPUT_CAP_BYTES, readBounded, startDeadline } from './bounded-command';
import { HeadsetCommandError, notAnswering } from './headset-errors';
import { DEFAULT_STALL_MS } from './transfer-watchdog';

/** The slice of adbkit's Connection (after host:transport) a raw service needs. */
export interface TransportConnection {
  readonly parser: { readAscii(count: number): PromiseLike<string>; readError(): PromiseLike<never>; raw(): Duplex };
  write(data: Buffer): unknown;
  end(): unknown;
}

export interface StreamInstallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((bytesSent: number) => void) | undefined;
  readonly stallMs?: number | undefined;
  /** From the last byte to pm's answer (verification and dexopt on the headset). */
  readonly installTimeoutMs: number;
  /**
   * Asks the headset something cheap; rejects when it does not answer. Run while waiting for pm, since
   * the last bytes can sit in socket buffers of a headset that fell asleep: without asking, that would look
   * like a long install.
   */
  readonly probe?: (() => Promise<unknown>) | undefined;
}

const ANSWERED_EARLY = new Error('The package manager answered before the last byte');

/** pm's answer; no answer at all means the connection closed under it (the job's failure, not pm's). */
function verdict(output: Buffer): InstallOutcome {
  const text = output.toString('utf8');
  if (!/Success|Failure|Error|Exception/.test(text)) throw new Error('The connection to the headset closed before the package manager answered');
  return parseInstallOutput(text);
}

/** adb's host protocol: four hex digits of length, then the request. */
function hostRequest(request: string): Buffer {
  const body = Buffer.from(request, 'utf8');
  return Buffer.concat([Buffer.from(body.length.toString(16).padStart(4, '0'), 'ascii'), body]);
}

/**
 * What `adb install` does on a headset with the `cmd` feature: `exec:cmd package install -S SIZE`, the
 * APK's bytes straight into the package manager's session (no copy in /data/local/tmp, no second write),
 * then pm's one-line answer. Progress counts bytes the link took; nothing moving for `stallMs` while
 * writing, or no answer within `installTimeoutMs` after the last byte, fails as "stopped answering".
 */
export async function streamInstall(open: () => PromiseLike<TransportConnection>, localPath: string, sizeBytes: number, flags: readonly string[], options: StreamInstallOptions): Promise<InstallOutcome> {
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const opening = startDeadline({ signal: options.signal, timeoutMs: stallMs }, 'install session');
  let socket: Duplex;
  try {
    const connection = await opening.race(open(), (late) => late.end());
    connection.write(hostRequest(`exec:cmd package install -S ${sizeBytes} ${flags.join(' ')}`.trim()));
    const reply = await opening.race(connection.parser.readAscii(4));
    if (reply !== 'OKAY') {
      connection.end();
      if (reply === 'FAIL') await connection.parser.readError();
      throw new HeadsetCommandError('HEADSET_NOT_ANSWERING', `Unexpected answer to the install request: ${reply}`);
    }
    socket = connection.parser.raw();
  } finally {
    opening.dispose();
  }

  const controller = new AbortController();
  const fail = (error: Error) => controller.abort(error);
  const outer = options.signal;
  const follow = () => fail((outer?.reason as Error | undefined) ?? new Error('Cancelled'));
  if (outer?.aborted) follow();
  else outer?.addEventListener('abort', follow, { once: true });
  let stall: NodeJS.Timeout | undefined;
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => fail(notAnswering(`nothing moved for ${Math.round(stallMs / 1000)} s`)), stallMs);
  };
  // pm answers (and closes) once it has SIZE bytes. An answer (or an end) before the last byte is written
  // is pm refusing early or the link dying: writing stops at once and the answer is what counts.
  let writing = true;
  let answered: Buffer | null = null;
  const answer = readBounded(socket, DEFAULT_OUTPUT_CAP_BYTES, controller.signal);
  answer.then(
    (bytes) => {
      answered = bytes;
      if (writing) fail(ANSWERED_EARLY);
    },
    (error: Error) => fail(error),
  );
  const source = createReadStream(localPath, { highWaterMark: 256 * 1024 });
  source.on('error', () => undefined);
  try {
    let written = 0;
    armStall();
    for await (const chunk of source) {
      controller.signal.throwIfAborted();
      const buffer = chunk as Buffer;
      const flushed = socket.write(buffer, () => {
        written += buffer.length;
        armStall();
        options.onProgress?.(written);
      });
      if (!flushed) {
        await new Promise<void>((resolve, reject) => {
          const onDrain = () => {
            controller.signal.removeEventListener('abort', onAbort);
            resolve();
          };
          const onAbort = () => {
            socket.off('drain', onDrain);
            reject(controller.signal.reason as Error);
          };
          socket.once('drain', onDrain);
          controller.signal.addEventListener('abort', onAbort, { once: true });
        });
      }
    }
    writing = false;
    clearTimeout(stall);
    stall = setTimeout(() => fail(notAnswering(`no answer from the package manager within ${Math.round(options.installTimeoutMs / 1000)} s`)), options.installTimeoutMs);
    const probing = keepProbing(options.probe, stallMs, controller.signal, fail);
    try {
      return verdict(await answer);
    } finally {
      probing.stop();
    }
  } catch (error) {
    socket.destroy();
    if (controller.signal.reason === ANSWERED_EARLY && answered !== null) return verdict(answered);
    throw controller.signal.aborted ? (controller.signal.reason as Error) : error;
  } finally {
    clearTimeout(stall);
    outer?.removeEventListener('abort', follow);
    source.destroy();
  }
}

/** Probes every `everyMs` until stopped; the first probe that fails fails the install. */
function keepProbing(probe: (() => Promise<unknown>) | undefined, everyMs: number, signal: AbortSignal, fail: (error: Error) => void): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (stopped || !probe) return;
    timer = setTimeout(() => {
      probe().then(next, () => {
        if (!stopped && !signal.aborted) fail(notAnswering('the headset stopped answering while installing'));
      });
    }, everyMs / 2);
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
