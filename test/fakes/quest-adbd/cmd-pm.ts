import { posix } from 'node:path';
import { amCommands } from './cmd-am';
import { dumpPackage } from './cmd-dumpsys';
import type { Command, CommandContext } from './commands';
import { longVersionCode } from './device-state';
import type { DeviceState } from './device-state';
import { FsError, normalizeDevicePath } from './fake-fs';
import { UploadPacer } from './faults';
import { installFromDevicePath, newStagingDir, parseInstallFlags, uninstallPackage } from './package-manager';

// `pm` and `cmd package`: package listing, path/file installs, the -S stdin
// stream that `adb install` uses, and install-create/-write/-commit sessions.

interface InstallSession {
  dir: string;
  args: string[];
  files: string[];
}

const sessionsByDevice = new WeakMap<DeviceState, Map<number, InstallSession>>();

function sessionsOf(state: DeviceState): Map<number, InstallSession> {
  let sessions = sessionsByDevice.get(state);
  if (sessions === undefined) {
    sessions = new Map();
    sessionsByDevice.set(state, sessions);
  }
  return sessions;
}

// Options whose next argument is a value, so it is not mistaken for the APK path.
const VALUED_INSTALL_OPTIONS = new Set([
  '-i',
  '-p',
  '-S',
  '--user',
  '--install-location',
  '--install-reason',
  '--originating-uri',
  '--referrer',
  '--abi',
  '--pkg',
  '--force-uuid',
  '--staged-ready-timeout',
]);

function splitInstallArgs(args: string[]): { options: string[]; size: number | null; operands: string[] } {
  const options: string[] = [];
  const operands: string[] = [];
  let size: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (VALUED_INSTALL_OPTIONS.has(arg)) {
      const value = args[++i] ?? '';
      if (arg === '-S') size = Number(value);
    } else if (arg.startsWith('-') && arg !== '-') {
      options.push(arg);
    } else {
      operands.push(arg);
    }
  }
  return { options, size, operands };
}

/** Reads exactly `size` bytes of stdin into a device file, honouring throttle and drop faults. */
async function receiveStdin(ctx: CommandContext, devicePath: string, size: number): Promise<'ok' | 'no-space' | 'dropped' | 'short'> {
  const pacer = new UploadPacer(ctx.faults);
  const writer = await ctx.state.fs.openForWrite(devicePath, 0o644, { internal: true });
  let remaining = size;
  let outcome: 'ok' | 'no-space' | 'dropped' | 'short' = 'ok';
  try {
    while (remaining > 0) {
      const chunk = await ctx.stdin.read(Math.min(remaining, 256 * 1024));
      if (chunk === null) {
        outcome = 'short';
        break;
      }
      remaining -= chunk.length;
      if (outcome === 'ok') {
        try {
          await writer.write(chunk);
        } catch (error) {
          if (!(error instanceof FsError && error.code === 'ENOSPC')) throw error;
          // Keep draining so the host's write completes and it can read our verdict.
          outcome = 'no-space';
        }
      }
      await pacer.account(chunk.length);
      if (pacer.exceedsDropLimit()) {
        ctx.dropConnection(`dropMidTransfer after ${pacer.total} streamed install bytes`);
        outcome = 'dropped';
        break;
      }
    }
  } finally {
    await writer.close();
  }
  return outcome;
}

/** Swallows an upload we are going to refuse, so the host finishes writing and reads the verdict. */
async function drain(ctx: CommandContext, size: number): Promise<void> {
  let remaining = size;
  while (remaining > 0) {
    const chunk = await ctx.stdin.read(remaining);
    if (chunk === null) return;
    remaining -= chunk.length;
  }
}

async function streamedInstall(ctx: CommandContext, size: number, options: string[]): Promise<number> {
  const { dir } = newStagingDir();
  const staged = `${dir}/base.apk`;
  if (size > ctx.state.storage.freeBytes) {
    await drain(ctx, size);
    ctx.out('Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]\n');
    return 1;
  }
  const outcome = await receiveStdin(ctx, staged, size);
  if (outcome !== 'ok') {
    await ctx.state.fs.remove(dir, { recursive: true, internal: true }).catch(() => undefined);
    if (outcome === 'dropped') return 1;
    ctx.out(outcome === 'no-space' ? 'Failure [INSTALL_FAILED_INSUFFICIENT_STORAGE]\n' : 'Failure [INSTALL_FAILED_INVALID_APK: short read]\n');
    return 1;
  }
  const result = await installFromDevicePath(ctx.state, ctx.faults, staged, parseInstallFlags(options), { stagedAlready: true });
  await ctx.state.fs.remove(dir, { recursive: true, internal: true }).catch(() => undefined);
  ctx.out(result.ok ? 'Success\n' : `${result.line}\n`);
  return result.ok ? 0 : 1;
}

async function install(args: string[], ctx: CommandContext): Promise<number> {
  const { options, size, operands } = splitInstallArgs(args);
  const path = operands[0];
  if (path === undefined || path === '-') {
    if (size === null || !Number.isFinite(size)) {
      ctx.err('Error: must either specify a package size or an APK file\n');
      return 1;
    }
    return streamedInstall(ctx, size, options);
  }
  const devicePath = normalizeDevicePath(path, ctx.cwd);
  if ((await ctx.state.fs.stat(devicePath)) === null) {
    ctx.err(`Exception occurred while executing 'install':\njava.lang.IllegalArgumentException: Error: Can't open file: ${devicePath}\n`);
    return 255;
  }
  const result = await installFromDevicePath(ctx.state, ctx.faults, devicePath, parseInstallFlags(options), { stagedAlready: false });
  ctx.out(result.ok ? 'Success\n' : `${result.line}\n`);
  return result.ok ? 0 : 1;
}

function installCreate(args: string[], ctx: CommandContext): number {
  const { id, dir } = newStagingDir();
  sessionsOf(ctx.state).set(id, { dir, args, files: [] });
  ctx.out(`Success: created install session [${id}]\n`);
  return 0;
}

function findSession(ctx: CommandContext, raw: string | undefined): [number, InstallSession] | null {
  const id = Number(raw);
  const session = sessionsOf(ctx.state).get(id);
  if (session === undefined) {
    ctx.err(`Exception occurred while executing 'install-write':\njava.lang.SecurityException: Caller has no access to session ${raw ?? ''}\n`);
    return null;
  }
  return [id, session];
}

async function installWrite(args: string[], ctx: CommandContext): Promise<number> {
  const { size, operands } = splitInstallArgs(args);
  const [rawId, name, source] = operands;
  const found = findSession(ctx, rawId);
  if (found === null) return 255;
  const [, session] = found;
  const target = `${session.dir}/${posix.basename(name ?? 'base.apk')}`;
  if (source !== undefined && source !== '-') {
    try {
      await ctx.state.fs.copyInternal(normalizeDevicePath(source, ctx.cwd), target);
    } catch (error) {
      if (!(error instanceof FsError)) throw error;
      ctx.err(`Error: Can't open file: ${source}\n`);
      return 1;
    }
    session.files.push(target);
    ctx.out(`Success: streamed ${(await ctx.state.fs.stat(target))?.size ?? 0} bytes\n`);
    return 0;
  }
  if (size === null) {
    ctx.err('Error: must specify a APK size\n');
    return 1;
  }
  const outcome = await receiveStdin(ctx, target, size);
  if (outcome === 'dropped') return 1;
  if (outcome !== 'ok') {
    ctx.err(`Error: java.io.IOException: ${outcome === 'no-space' ? 'No space left on device' : 'Short read'}\n`);
    return 1;
  }
  session.files.push(target);
  ctx.out(`Success: streamed ${size} bytes\n`);
  return 0;
}

async function installCommit(args: string[], ctx: CommandContext): Promise<number> {
  const found = findSession(ctx, args[0]);
  if (found === null) return 255;
  const [id, session] = found;
  sessionsOf(ctx.state).delete(id);
  const base = session.files[0];
  if (base === undefined) {
    ctx.out('Failure [INSTALL_FAILED_INVALID_APK: No packages staged]\n');
    return 1;
  }
  const result = await installFromDevicePath(ctx.state, ctx.faults, base, parseInstallFlags(splitInstallArgs(session.args).options), {
    stagedAlready: true,
  });
  await ctx.state.fs.remove(session.dir, { recursive: true, internal: true }).catch(() => undefined);
  ctx.out(result.ok ? 'Success\n' : `${result.line}\n`);
  return result.ok ? 0 : 1;
}

async function installAbandon(args: string[], ctx: CommandContext): Promise<number> {
  const found = findSession(ctx, args[0]);
  if (found === null) return 255;
  const [id, session] = found;
  sessionsOf(ctx.state).delete(id);
  await ctx.state.fs.remove(session.dir, { recursive: true, internal: true }).catch(() => undefined);
  ctx.out('Success\n');
  return 0;
}

function listPackages(args: string[], ctx: CommandContext): number {
  const flags = new Set<string>();
  let filter: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--user') i++;
    else if (arg.startsWith('--')) flags.add(arg);
    else if (arg.startsWith('-')) for (const f of arg.slice(1)) flags.add(`-${f}`);
    else filter = arg;
  }
  const lines = [...ctx.state.packages.values()]
    .filter((p) => !(flags.has('-3') && p.system) && !(flags.has('-s') && !p.system))
    .filter((p) => filter === null || p.packageName.includes(filter))
    .sort((a, b) => a.packageName.localeCompare(b.packageName))
    .map((p) => {
      let line = 'package:';
      if (flags.has('-f')) line += `${p.apkPath}=`;
      line += p.packageName;
      if (flags.has('--show-versioncode')) line += ` versionCode:${longVersionCode(p)}`;
      if (flags.has('-i')) line += `  installer=${p.installer ?? 'null'}`;
      if (flags.has('-U')) line += ` uid:${p.userId}`;
      return `${line}\n`;
    });
  ctx.out(lines.join(''));
  return 0;
}

const pm: Command = async (args, ctx) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'list':
      if (rest[0] === 'packages') return listPackages(rest.slice(1), ctx);
      if (rest[0] === 'users') {
        ctx.out('Users:\n\tUserInfo{0:Owner:c13} running\n');
        return 0;
      }
      ctx.err(`Error: unknown list type '${rest[0] ?? ''}'\n`);
      return 255;
    case 'path': {
      const pkg = ctx.state.packages.get(rest.filter((a) => !a.startsWith('-'))[0] ?? '');
      if (pkg === undefined) return 1;
      ctx.out(`package:${pkg.apkPath}\n`);
      return 0;
    }
    case 'install':
      return install(rest, ctx);
    case 'install-create':
      return installCreate(rest, ctx);
    case 'install-write':
      return installWrite(rest, ctx);
    case 'install-commit':
      return installCommit(rest, ctx);
    case 'install-abandon':
      return installAbandon(rest, ctx);
    case 'uninstall': {
      const line = await uninstallPackage(ctx.state, rest.filter((a, i) => !a.startsWith('-') && rest[i - 1] !== '--user').pop() ?? '');
      ctx.out(`${line}\n`);
      return line === 'Success' ? 0 : 1;
    }
    case 'clear':
      ctx.out(ctx.state.packages.has(rest[0] ?? '') ? 'Success\n' : 'Failed\n');
      return 0;
    case 'grant':
    case 'revoke':
    case 'disable-user':
    case 'enable':
      return 0;
    case 'dump':
      ctx.out(dumpPackage(ctx.state, rest[0] ?? ''));
      return 0;
    default:
      ctx.err(`Unknown command: ${verb ?? ''}\n`);
      return 255;
  }
};

const cmd: Command = async (args, ctx) => {
  const [service, ...rest] = args;
  if (service === 'package') return pm(rest, ctx);
  if (service === 'activity') return (amCommands['am'] as Command)(rest, ctx);
  if (service === undefined || service === '-l') {
    ctx.out('activity\nbattery\npackage\nsettings\nwindow\n');
    return 0;
  }
  ctx.err(`cmd: Can't find service: ${service}\n`);
  return 20;
};

export const pmCommands: Record<string, Command> = { pm, cmd };
