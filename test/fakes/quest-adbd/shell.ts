import { ByteQueue } from './byte-queue';
import { ShellInterpreter } from './commands';
import type { ShellEnvironment, ShellIo } from './commands';
import { quoteArg } from './shell-syntax';
import type { AdbStream, StreamService } from './transport';

// Shell-ish services: "shell:" (no framing), "shell,v2,...:" and "abb:" (shell
// protocol v2 packets: id byte + u32 length + data, exit code in an id-3
// packet), "exec:" and "abb_exec:" (raw bytes both ways, no exit code).

export const SHELL_ID_STDIN = 0;
export const SHELL_ID_STDOUT = 1;
export const SHELL_ID_STDERR = 2;
export const SHELL_ID_EXIT = 3;
export const SHELL_ID_CLOSE_STDIN = 4;
export const SHELL_ID_WINDOW_SIZE = 5;

export type ShellFraming = 'none' | 'v2';

export interface ShellRequest {
  framing: ShellFraming;
  /** A command line for sh, or an argv (abb) that bypasses shell parsing. */
  command: string | string[];
  /** Merge stderr into stdout, as a raw exec socket does. */
  mergeStderr: boolean;
  /** Interactive pty sessions expect CRLF line endings. */
  pty: boolean;
}

export function encodeShellPacket(id: number, data: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(id, 0);
  header.writeUInt32LE(data.length, 1);
  return Buffer.concat([header, data]);
}

/** Splits incoming v2 packets into stdin bytes and a stdin-closed signal. */
class ShellPacketReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly stdin: ByteQueue) {}

  async push(data: Buffer): Promise<void> {
    this.pending = this.pending.length === 0 ? data : Buffer.concat([this.pending, data]);
    while (this.pending.length >= 5) {
      const id = this.pending.readUInt8(0);
      const length = this.pending.readUInt32LE(1);
      if (this.pending.length < 5 + length) return;
      const body = this.pending.subarray(5, 5 + length);
      this.pending = this.pending.subarray(5 + length);
      if (id === SHELL_ID_STDIN) await this.stdin.push(body);
      else if (id === SHELL_ID_CLOSE_STDIN) this.stdin.end();
    }
  }
}

export function shellService(stream: AdbStream, env: ShellEnvironment, request: ShellRequest): StreamService {
  const stdin = new ByteQueue();
  const packets = request.framing === 'v2' ? new ShellPacketReader(stdin) : null;
  const interpreter = new ShellInterpreter(env);

  const emit = (id: number, data: Buffer): void => {
    if (data.length === 0 || stream.closed) return;
    const text = request.pty ? Buffer.from(data.toString('utf8').replace(/\r?\n/g, '\r\n')) : data;
    void stream.write(request.framing === 'v2' ? encodeShellPacket(id, text) : text);
  };
  const io: ShellIo = {
    stdin,
    stdout: (data) => emit(SHELL_ID_STDOUT, data),
    stderr: (data) => emit(request.mergeStderr || request.framing === 'none' ? SHELL_ID_STDOUT : SHELL_ID_STDERR, data),
  };

  const run = async (): Promise<number> => {
    if (Array.isArray(request.command)) return interpreter.execute(request.command.map(quoteArg).join(' '), io);
    if (request.command.trim().length > 0) return interpreter.execute(request.command, io);
    return interactive(interpreter, io, env);
  };

  void run()
    .catch((error: unknown) => {
      io.stderr(Buffer.from(`${error instanceof Error ? error.message : String(error)}\n`));
      return 1;
    })
    .then(async (code) => {
      if (stream.closed) return;
      if (request.framing === 'v2') await stream.write(encodeShellPacket(SHELL_ID_EXIT, Buffer.from([code & 0xff])));
      await stream.close();
    });

  return {
    onData: (data) => (packets !== null ? packets.push(data) : stdin.push(data)),
    onClose: () => stdin.discard(),
  };
}

function emptyStdin(): ByteQueue {
  const queue = new ByteQueue();
  queue.end();
  return queue;
}

/** A bare `adb shell`: prompt, read a line, run it, until exit or EOF. */
async function interactive(interpreter: ShellInterpreter, io: ShellIo, env: ShellEnvironment): Promise<number> {
  const prompt = `${env.state.profile.device}:/ $ `;
  let buffered = '';
  let status = 0;
  io.stdout(Buffer.from(prompt));
  for (;;) {
    const chunk = await io.stdin.read(64 * 1024);
    if (chunk === null) return status;
    buffered += chunk.toString('utf8').replace(/\r/g, '\n');
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line === 'exit') return status;
      if (line.length > 0) status = await interpreter.execute(line, { ...io, stdin: emptyStdin() });
      io.stdout(Buffer.from(prompt));
      newline = buffered.indexOf('\n');
    }
  }
}
