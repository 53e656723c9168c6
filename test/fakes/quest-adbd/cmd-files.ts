import { posix } from 'node:path';
import type { Command, CommandContext } from './commands';
import { FsError, SDCARD_RW_GID, SHELL_UID, normalizeDevicePath } from './fake-fs';
import type { FileInfo } from './fake-fs';

// toybox file tools, with toybox's message formats.

function splitFlags(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let endOfFlags = false;
  for (const arg of args) {
    if (!endOfFlags && arg === '--') endOfFlags = true;
    else if (!endOfFlags && /^-[A-Za-z0-9]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f);
    else operands.push(arg);
  }
  return { flags, operands };
}

function fsMessage(error: unknown): string {
  if (error instanceof FsError) return error.message;
  throw error;
}

const USER_NAMES = new Map([
  [0, 'root'],
  [SHELL_UID, 'shell'],
  [SDCARD_RW_GID, 'sdcard_rw'],
  [1000, 'system'],
]);

function owner(id: number): string {
  return USER_NAMES.get(id) ?? String(id);
}

function permissionString(info: FileInfo): string {
  const type = info.type === 'dir' ? 'd' : '-';
  const bits = 'rwxrwxrwx';
  let out = type;
  for (let i = 0; i < 9; i++) out += info.mode & (1 << (8 - i)) ? bits[i] : '-';
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function formatTime(seconds: number, withSeconds: boolean): string {
  const d = new Date(seconds * 1000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return withSeconds ? `${date} ${time}:${pad2(d.getUTCSeconds())}.000000000 +0000` : `${date} ${time}`;
}

function longLine(name: string, info: FileInfo): string {
  return `${permissionString(info)} ${info.type === 'dir' ? 2 : 1} ${owner(info.uid)} ${owner(info.gid)} ${info.size} ${formatTime(info.mtimeSeconds, false)} ${name}`;
}

const ls: Command = async (args, ctx) => {
  const { flags, operands } = splitFlags(args);
  const long = flags.has('l');
  const all = flags.has('a');
  const targets = operands.length > 0 ? operands : ['.'];
  let status = 0;
  // toybox lists file operands first, then each directory under a "name:" header.
  const files: string[] = [];
  const dirs: string[] = [];
  for (const target of targets) {
    const path = normalizeDevicePath(target, ctx.cwd);
    const info = await ctx.state.fs.stat(path);
    if (info === null) {
      ctx.err(`ls: ${target}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (info.type !== 'dir' || flags.has('d')) {
      files.push(long ? longLine(target, info) : target);
      continue;
    }
    const entries = (await ctx.state.fs.list(path)).filter((e) => all || !e.name.startsWith('.'));
    const body = entries.map((e) => (long ? longLine(e.name, e.info) : e.name));
    if (long) body.unshift(`total ${entries.length * 8}`);
    dirs.push((targets.length > 1 ? `${target}:\n` : '') + body.map((line) => `${line}\n`).join(''));
  }
  const sections = [...(files.length > 0 ? [files.map((f) => `${f}\n`).join('')] : []), ...dirs];
  ctx.out(sections.join('\n'));
  return status;
};

const rm: Command = async (args, ctx) => {
  const { flags, operands } = splitFlags(args);
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const target of operands) {
    try {
      await ctx.state.fs.remove(normalizeDevicePath(target, ctx.cwd), { recursive });
    } catch (error) {
      const message = fsMessage(error);
      if (force && error instanceof FsError && error.code === 'ENOENT') continue;
      ctx.err(`rm: ${target}: ${error instanceof FsError && error.code === 'EISDIR' ? 'Is a directory' : message}\n`);
      status = 1;
    }
  }
  return status;
};

const mkdir: Command = async (args, ctx) => {
  const { flags, operands } = splitFlags(args);
  let status = 0;
  for (const target of operands) {
    try {
      const path = normalizeDevicePath(target, ctx.cwd);
      if (flags.has('p')) await ctx.state.fs.mkdirs(path);
      else await ctx.state.fs.mkdir(path);
    } catch (error) {
      ctx.err(`mkdir: '${target}': ${fsMessage(error)}\n`);
      status = 1;
    }
  }
  return status;
};

const touch: Command = async (args, ctx) => {
  const { operands } = splitFlags(args);
  let status = 0;
  for (const target of operands) {
    const path = normalizeDevicePath(target, ctx.cwd);
    try {
      if ((await ctx.state.fs.stat(path)) === null) await ctx.state.fs.writeFile(path, Buffer.alloc(0));
      else await ctx.state.fs.setMtime(path, Math.floor(Date.now() / 1000));
    } catch (error) {
      ctx.err(`touch: '${target}': ${fsMessage(error)}\n`);
      status = 1;
    }
  }
  return status;
};

const cat: Command = async (args, ctx) => {
  const { operands } = splitFlags(args);
  if (operands.length === 0) {
    ctx.out(await ctx.stdin.readAll());
    return 0;
  }
  let status = 0;
  for (const target of operands) {
    try {
      ctx.out(await ctx.state.fs.readFile(normalizeDevicePath(target, ctx.cwd)));
    } catch (error) {
      ctx.err(`cat: ${target}: ${fsMessage(error)}\n`);
      status = 1;
    }
  }
  return status;
};

const mv: Command = async (args, ctx) => {
  const { operands } = splitFlags(args);
  const [from, to] = operands;
  if (from === undefined || to === undefined) {
    ctx.err('mv: Needs 2 arguments\n');
    return 1;
  }
  let destination = normalizeDevicePath(to, ctx.cwd);
  if ((await ctx.state.fs.stat(destination))?.type === 'dir') destination = posix.join(destination, posix.basename(from));
  try {
    await ctx.state.fs.move(normalizeDevicePath(from, ctx.cwd), destination);
    return 0;
  } catch (error) {
    ctx.err(`mv: ${from}: ${fsMessage(error)}\n`);
    return 1;
  }
};

const cp: Command = async (args, ctx) => {
  const { operands } = splitFlags(args);
  const [from, to] = operands;
  if (from === undefined || to === undefined) {
    ctx.err('cp: Needs 2 arguments\n');
    return 1;
  }
  let destination = normalizeDevicePath(to, ctx.cwd);
  if ((await ctx.state.fs.stat(destination))?.type === 'dir') destination = posix.join(destination, posix.basename(from));
  try {
    await ctx.state.fs.writeFile(destination, await ctx.state.fs.readFile(normalizeDevicePath(from, ctx.cwd)));
    return 0;
  } catch (error) {
    ctx.err(`cp: ${from}: ${fsMessage(error)}\n`);
    return 1;
  }
};

const chmod: Command = async (args, ctx) => {
  const { operands } = splitFlags(args);
  let status = 0;
  for (const target of operands.slice(1)) {
    if ((await ctx.state.fs.stat(normalizeDevicePath(target, ctx.cwd))) === null) {
      ctx.err(`chmod: ${target}: No such file or directory\n`);
      status = 1;
    }
  }
  return status;
};

function typeName(info: FileInfo): string {
  if (info.type === 'dir') return 'directory';
  return info.size === 0 ? 'regular empty file' : 'regular file';
}

function statFormat(format: string, path: string, info: FileInfo): string {
  return format.replace(/%([a-zA-Z%])/g, (whole, spec: string) => {
    switch (spec) {
      case 'n':
        return path;
      case 's':
        return String(info.size);
      case 'a':
        return (info.mode & 0o7777).toString(8);
      case 'A':
        return permissionString(info);
      case 'f':
        return info.mode.toString(16);
      case 'F':
        return typeName(info);
      case 'i':
        return String(info.ino);
      case 'u':
        return String(info.uid);
      case 'U':
        return owner(info.uid);
      case 'g':
        return String(info.gid);
      case 'G':
        return owner(info.gid);
      case 'b':
        return String(Math.ceil(info.size / 512));
      case 'B':
        return '512';
      case 'h':
        return '1';
      case 'X':
      case 'Y':
      case 'Z':
        return String(info.mtimeSeconds);
      case 'x':
      case 'y':
      case 'z':
        return formatTime(info.mtimeSeconds, true);
      case '%':
        return '%';
      default:
        return whole;
    }
  });
}

const stat: Command = async (args, ctx) => {
  let format: string | null = null;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-c') format = args[++i] ?? '';
    else if (arg.startsWith('-c') && arg.length > 2) format = arg.slice(2);
    else if (!arg.startsWith('-')) operands.push(arg);
  }
  let status = 0;
  for (const target of operands) {
    const info = await ctx.state.fs.stat(normalizeDevicePath(target, ctx.cwd));
    if (info === null) {
      ctx.err(`stat: '${target}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (format !== null) {
      ctx.out(`${statFormat(format, target, info)}\n`);
      continue;
    }
    const perms = `(${(info.mode & 0o7777).toString(8).padStart(4, '0')}/${permissionString(info)})`;
    const when = formatTime(info.mtimeSeconds, true);
    ctx.out(
      `  File: ${target}\n` +
        `  Size: ${info.size}\t Blocks: ${Math.ceil(info.size / 512)}\t IO Blocks: 4096\t${typeName(info)}\n` +
        `Device: fd05h/64773d\t Inode: ${info.ino}\t Links: ${info.type === 'dir' ? 2 : 1}\n` +
        `Access: ${perms}\tUid: (${String(info.uid).padStart(5)}/${owner(info.uid).padStart(8)})\tGid: (${String(info.gid).padStart(5)}/${owner(info.gid).padStart(8)})\n` +
        `Access: ${when}\nModify: ${when}\nChange: ${when}\n`,
    );
  }
  return status;
};

interface Mount {
  device: string;
  mountedOn: string;
  totalBytes: number;
  freeBytes: number;
}

function mountsFor(ctx: CommandContext): Mount[] {
  const GIB = 1024 * 1024 * 1024;
  const { totalBytes, freeBytes } = ctx.state.storage;
  return [
    { device: '/dev/block/dm-0', mountedOn: '/', totalBytes: 3 * GIB, freeBytes: 0 },
    { device: 'tmpfs', mountedOn: '/dev', totalBytes: 2.8 * GIB, freeBytes: 2.8 * GIB - 1.5 * 1024 * 1024 },
    { device: '/dev/block/dm-5', mountedOn: '/data', totalBytes, freeBytes },
    { device: '/dev/fuse', mountedOn: '/storage/emulated', totalBytes, freeBytes },
  ];
}

function mountOf(path: string, mounts: Mount[]): Mount | undefined {
  const normalized = normalizeDevicePath(path);
  return [...mounts]
    .sort((a, b) => b.mountedOn.length - a.mountedOn.length)
    .find((m) => m.mountedOn === '/' || normalized === m.mountedOn || normalized.startsWith(`${m.mountedOn}/`));
}

/** toybox's human_readable(): 1024-based, one decimal below 10. */
function human(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return String(Math.round(value));
  return (value < 10 ? value.toFixed(1) : String(Math.round(value))) + units[unit];
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, col) => {
          const width = widths[col] ?? 0;
          if (col === 0) return cell.padEnd(width);
          if (col === row.length - 1) return cell;
          return cell.padStart(width);
        })
        .join(' '),
    )
    .join('\n');
}

const df: Command = async (args, ctx) => {
  const { flags, operands } = splitFlags(args);
  const mounts = mountsFor(ctx);
  const humanReadable = flags.has('h');
  let status = 0;
  const selected: Mount[] = [];
  for (const target of operands) {
    if ((await ctx.state.fs.stat(normalizeDevicePath(target, ctx.cwd))) === null) {
      ctx.err(`df: ${target}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const mount = mountOf(normalizeDevicePath(target, ctx.cwd), mounts);
    if (mount !== undefined) selected.push(mount);
  }
  const rows = [
    humanReadable
      ? ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on']
      : ['Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on'],
  ];
  for (const mount of operands.length > 0 ? selected : mounts) {
    const used = mount.totalBytes - mount.freeBytes;
    const percent = mount.totalBytes === 0 ? 0 : Math.ceil((used * 100) / mount.totalBytes);
    const cells = humanReadable
      ? [human(mount.totalBytes), human(used), human(mount.freeBytes)]
      : [mount.totalBytes, used, mount.freeBytes].map((b) => String(Math.floor(b / 1024)));
    rows.push([mount.device, ...cells, `${percent}%`, mount.mountedOn]);
  }
  if (rows.length > 1) ctx.out(`${table(rows)}\n`);
  return status;
};

export const fileCommands: Record<string, Command> = {
  ls,
  rm,
  mkdir,
  touch,
  cat,
  mv,
  cp,
  chmod,
  stat,
  df,
};
