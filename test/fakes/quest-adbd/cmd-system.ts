import type { Command } from './commands';

// Small system tools: properties, identity, settings, input and friends.

const getprop: Command = (args, ctx) => {
  const key = args[0];
  if (key !== undefined) {
    ctx.out(`${ctx.state.props.get(key) ?? args[1] ?? ''}\n`);
    return 0;
  }
  const keys = [...ctx.state.props.keys()].sort();
  ctx.out(keys.map((k) => `[${k}]: [${ctx.state.props.get(k) ?? ''}]\n`).join(''));
  return 0;
};

const setprop: Command = (args, ctx) => {
  const [key, value] = args;
  if (key === undefined || value === undefined) {
    ctx.err('usage: setprop NAME VALUE\n');
    return 1;
  }
  // The shell user cannot touch read-only or persist properties on a user build.
  if (key.startsWith('ro.') || key.startsWith('persist.')) {
    ctx.err(`Failed to set property '${key}' to '${value}'.\nSee dmesg for error reason.\n`);
    return 1;
  }
  ctx.state.props.set(key, value);
  return 0;
};

const id: Command = (_args, ctx) => {
  ctx.out(
    'uid=2000(shell) gid=2000(shell) groups=2000(shell),1004(input),1007(log),1011(adb),1015(sdcard_rw),1028(sdcard_r),' +
      '1078(ext_data_rw),1079(ext_obb_rw),3001(net_bt_admin),3002(net_bt),3003(inet),3006(net_bw_stats),3009(readproc),' +
      '3011(uhid) context=u:r:shell:s0\n',
  );
  return 0;
};

const whoami: Command = (_args, ctx) => {
  ctx.out('shell\n');
  return 0;
};

const uname: Command = (args, ctx) => {
  ctx.out(args.includes('-a') ? `Linux localhost 4.19.157-perf #1 SMP PREEMPT aarch64 Toybox\n` : 'Linux\n');
  return 0;
};

const sleep: Command = async (args, ctx) => {
  const seconds = Number(args[0] ?? 'NaN');
  if (!Number.isFinite(seconds) || seconds < 0) {
    ctx.err(`sleep: invalid number '${args[0] ?? ''}'\n`);
    return 1;
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return 0;
};

const sh: Command = async (args, ctx) => {
  if (args[0] === '-c') return ctx.run(args[1] ?? '');
  return ctx.run((await ctx.stdin.readAll()).toString('utf8'));
};

const settings: Command = (args, ctx) => {
  const [verb, namespace, key, ...rest] = args;
  if (namespace === undefined || key === undefined || !['get', 'put', 'delete'].includes(verb ?? '')) {
    ctx.err('usage:  settings [--user <USER_ID> | current] get namespace key\n');
    return 1;
  }
  const fullKey = `${namespace}/${key}`;
  if (verb === 'get') ctx.out(`${ctx.state.settings.get(fullKey) ?? 'null'}\n`);
  else if (verb === 'put') ctx.state.settings.set(fullKey, rest.join(' '));
  else ctx.state.settings.delete(fullKey);
  return 0;
};

const input: Command = (args, ctx) => {
  if (args.length === 0) {
    ctx.err('Usage: input [<source>] <command> [<arg>...]\n');
    return 1;
  }
  // HOME and BACK leave the current app, which tests can observe via the foreground app.
  if (args[0] === 'keyevent' && ['3', 'KEYCODE_HOME', '4', 'KEYCODE_BACK'].includes(args[1] ?? '')) ctx.state.goHome();
  return 0;
};

const wm: Command = (args, ctx) => {
  if (args[0] === 'size') ctx.out(`Physical size: ${ctx.state.profile.displaySize}\n`);
  else if (args[0] === 'density') ctx.out('Physical density: 560\n');
  return 0;
};

const date: Command = (args, ctx) => {
  const now = new Date();
  ctx.out(args[0] === '+%s' ? `${Math.floor(now.getTime() / 1000)}\n` : `${now.toUTCString().replace('GMT', 'UTC')}\n`);
  return 0;
};

const pidof: Command = (args, ctx) => {
  const pids = args.filter((name) => ctx.state.running.has(name)).map((name) => 3000 + (ctx.state.packages.get(name)?.userId ?? 0) % 1000);
  if (pids.length === 0) return 1;
  ctx.out(`${pids.join(' ')}\n`);
  return 0;
};

const logcat: Command = (args, ctx) => {
  // Only the non-blocking forms make sense without a real log.
  if (args.includes('-c')) return 0;
  if (args.includes('-d')) return 0;
  ctx.err('logcat: only -d and -c are supported by the emulated headset\n');
  return 1;
};

export const systemCommands: Record<string, Command> = {
  getprop,
  setprop,
  id,
  whoami,
  uname,
  sleep,
  sh,
  settings,
  input,
  wm,
  date,
  pidof,
  logcat,
  true: () => 0,
  false: () => 1,
};
