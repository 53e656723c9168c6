import { posix } from 'node:path';
import { ByteQueue } from './byte-queue';
import { amCommands } from './cmd-am';
import { dumpsysCommands } from './cmd-dumpsys';
import { fileCommands } from './cmd-files';
import { pmCommands } from './cmd-pm';
import { appProcess } from './scrcpy-server';
import { systemCommands } from './cmd-system';
import { textCommands } from './cmd-text';
import type { DeviceState } from './device-state';
import { FsError, normalizeDevicePath } from './fake-fs';
import type { FaultSwitches } from './faults';
import { LAST_STATUS_MARK, ShellSyntaxError, parseCommandLine } from './shell-syntax';
import type { SimpleCommand, Word } from './shell-syntax';

// The headset's /system/bin/sh: parses a command line, wires pipes and
// redirections, and dispatches to the fake tools (pm, am, dumpsys, ls, ...).

export interface CommandContext {
  readonly state: DeviceState;
  readonly faults: FaultSwitches;
  readonly stdin: ByteQueue;
  readonly cwd: string;
  /** `NAME=value` words in front of the command (e.g. `CLASSPATH=... app_process`). */
  readonly env?: ReadonlyMap<string, string>;
  out(data: string | Buffer): void;
  err(text: string): void;
  /** `sh -c`: run a nested command line with this context's streams. */
  run(line: string): Promise<number>;
  /** Fault injection: kill the ADB connection this command arrived on. */
  dropConnection(reason: string): void;
}

export type Command = (args: string[], ctx: CommandContext) => Promise<number> | number;

const COMMANDS: ReadonlyMap<string, Command> = new Map(
  Object.entries({
    ...textCommands,
    ...fileCommands,
    ...systemCommands,
    ...pmCommands,
    ...amCommands,
    ...dumpsysCommands,
    app_process: appProcess,
  }),
);

export interface ShellIo {
  stdin: ByteQueue;
  stdout(data: Buffer): void;
  stderr(data: Buffer): void;
}

export interface ShellEnvironment {
  state: DeviceState;
  faults: FaultSwitches;
  dropConnection(reason: string): void;
}

class ExitRequest {
  constructor(readonly code: number) {}
}

/** One shell process: keeps cwd across lines (for the interactive shell). */
export class ShellInterpreter {
  private cwd = '/';
  private lastStatus = 0;

  constructor(private readonly env: ShellEnvironment) {}

  async execute(line: string, io: ShellIo): Promise<number> {
    try {
      return await this.runList(line, io);
    } catch (error) {
      if (error instanceof ExitRequest) return error.code;
      throw error;
    }
  }

  private async runList(line: string, io: ShellIo): Promise<number> {
    let items;
    try {
      items = parseCommandLine(line);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      io.stderr(Buffer.from(`/system/bin/sh: ${error.message}\n`));
      return 1;
    }
    let status = 0;
    for (const item of items) {
      if (item.connector === '&&' && status !== 0) continue;
      if (item.connector === '||' && status === 0) continue;
      status = await this.runPipeline(item.pipeline, io);
      this.lastStatus = status;
    }
    return status;
  }

  private async runPipeline(pipeline: SimpleCommand[], io: ShellIo): Promise<number> {
    let stdin = io.stdin;
    let status = 0;
    for (let index = 0; index < pipeline.length; index++) {
      const command = pipeline[index];
      if (command === undefined) break;
      const last = index === pipeline.length - 1;
      const collected: Buffer[] = [];
      const stageIo: ShellIo = {
        stdin,
        stdout: last ? io.stdout : (data) => collected.push(data),
        stderr: io.stderr,
      };
      status = await this.runSimple(command, stageIo);
      if (!last) {
        stdin = new ByteQueue(Number.MAX_SAFE_INTEGER);
        void stdin.push(Buffer.concat(collected));
        stdin.end();
      }
    }
    return status;
  }

  private async runSimple(command: SimpleCommand, io: ShellIo): Promise<number> {
    const args: string[] = [];
    for (const word of command.words) {
      const text = word.text.split(LAST_STATUS_MARK).join(String(this.lastStatus));
      args.push(...(await this.expand({ ...word, text })));
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdin = io.stdin;
    let stdoutTarget: { path: string; append: boolean } | 'null' | 'stderr' | null = null;
    let stderrTarget: { path: string; append: boolean } | 'null' | 'stdout' | null = null;
    for (const redirect of command.redirects) {
      const target = redirect.target;
      if (redirect.op === '<') {
        try {
          stdin = new ByteQueue(Number.MAX_SAFE_INTEGER);
          if (target !== '/dev/null') void stdin.push(await this.env.state.fs.readFile(normalizeDevicePath(target, this.cwd)));
          stdin.end();
        } catch (error) {
          if (!(error instanceof FsError)) throw error;
          io.stderr(Buffer.from(`/system/bin/sh: can't open ${target}: ${error.message}\n`));
          return 1;
        }
        continue;
      }
      const destination =
        redirect.op === '>&'
          ? target === '1'
            ? 'stdout'
            : 'stderr'
          : target === '/dev/null'
            ? 'null'
            : { path: normalizeDevicePath(target, this.cwd), append: redirect.op === '>>' };
      if (redirect.fd === 2) stderrTarget = destination === 'stderr' ? null : destination;
      else stdoutTarget = destination === 'stdout' ? null : destination;
    }

    // Assignments in front of a command go to that command's environment only.
    const env = new Map<string, string>();
    while (args.length > 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(args[0] ?? '')) {
      const assignment = args.shift() ?? '';
      env.set(assignment.slice(0, assignment.indexOf('=')), assignment.slice(assignment.indexOf('=') + 1));
    }
    const name = args[0];
    if (name === undefined) return 0;
    const ctx: CommandContext = {
      state: this.env.state,
      faults: this.env.faults,
      stdin,
      cwd: this.cwd,
      env,
      out: (data) => stdout.push(typeof data === 'string' ? Buffer.from(data) : data),
      err: (text) => stderr.push(Buffer.from(text)),
      run: (line) => this.runList(line, { stdin, stdout: (d) => stdout.push(d), stderr: (d) => stderr.push(d) }),
      dropConnection: (reason) => this.env.dropConnection(reason),
    };

    let status: number;
    if (name === 'exit') {
      throw new ExitRequest(Number(args[1] ?? '0') & 0xff);
    } else if (name === 'cd') {
      status = await this.changeDirectory(args[1] ?? '/', ctx);
    } else {
      const tool = COMMANDS.get(name.includes('/') ? posix.basename(name) : name);
      if (tool === undefined) {
        ctx.err(`/system/bin/sh: ${name}: inaccessible or not found\n`);
        status = 127;
      } else {
        status = await tool(args.slice(1), ctx);
      }
    }

    const outBytes = Buffer.concat(stdout);
    const errBytes = Buffer.concat(stderr);
    await this.deliver(outBytes, stdoutTarget, io.stdout, io.stderr, io);
    await this.deliver(errBytes, stderrTarget, io.stderr, io.stdout, io);
    return status;
  }

  private async deliver(
    data: Buffer,
    target: { path: string; append: boolean } | 'null' | 'stderr' | 'stdout' | null,
    normal: (data: Buffer) => void,
    other: (data: Buffer) => void,
    io: ShellIo,
  ): Promise<void> {
    if (target === 'null') return;
    if (target === null) {
      if (data.length > 0) normal(data);
      return;
    }
    if (target === 'stderr' || target === 'stdout') {
      if (data.length > 0) other(data);
      return;
    }
    try {
      await this.env.state.fs.writeFile(target.path, data, { append: target.append });
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      io.stderr(Buffer.from(`/system/bin/sh: can't create ${target.path}: ${error.message}\n`));
    }
  }

  private async changeDirectory(path: string, ctx: CommandContext): Promise<number> {
    const target = normalizeDevicePath(path, this.cwd);
    const info = await this.env.state.fs.stat(target);
    if (info === null || info.type !== 'dir') {
      ctx.err(`/system/bin/sh: cd: ${path}: No such file or directory\n`);
      return 2;
    }
    this.cwd = target;
    return 0;
  }

  /** Unquoted globs expand against the fake filesystem; no match keeps the word, as mksh does. */
  private async expand(word: Word): Promise<string[]> {
    if (!word.glob) return [word.text];
    const absolute = normalizeDevicePath(word.text, this.cwd);
    const dir = posix.dirname(absolute);
    const pattern = posix.basename(absolute);
    if (/[*?]/.test(dir)) return [word.text];
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    let names: string[];
    try {
      names = (await this.env.state.fs.list(dir)).map((entry) => entry.name);
    } catch {
      return [word.text];
    }
    const matches = names.filter((name) => regex.test(name) && !name.startsWith('.'));
    if (matches.length === 0) return [word.text];
    const prefix = word.text.startsWith('/') ? dir : posix.dirname(word.text);
    return matches.map((name) => (prefix === '.' ? name : posix.join(prefix, name)));
  }
}
