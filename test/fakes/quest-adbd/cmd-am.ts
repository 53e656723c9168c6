import { LAUNCHER_CATEGORY, MAIN_ACTION } from './apk-manifest';
import type { ApkActivity } from './apk-manifest';
import type { Command, CommandContext } from './commands';
import type { DeviceState } from './device-state';

// `am` (start, force-stop, kill, broadcast) and `monkey`, moving the emulated
// foreground app around the way ActivityManager reports it.

interface Intent {
  action: string | null;
  categories: string[];
  data: string | null;
  packageName: string | null;
  component: { packageName: string; className: string } | null;
  hasExtras: boolean;
  /** String and integer extras (--es, --ei) by key: what the app reads from its launch intent. */
  extras: Record<string, string>;
}

// Options that consume one or two following arguments.
const ONE_VALUE = new Set([
  '-d',
  '-t',
  '-f',
  '-p',
  '--user',
  '-P',
  '--start-profiler',
  '--sampling',
  '--attach-agent',
  '--windowingMode',
  '--activityType',
  '--display',
  '--task',
  '-R',
  '--esn',
]);
const TWO_VALUES = /^(-e|--es|--ez|--ei|--el|--ef|--eu|--ecn|--eia|--eial|--ela|--elal|--efa|--efal|--esa|--esal)$/;

function parseComponent(spec: string): { packageName: string; className: string } | null {
  const slash = spec.indexOf('/');
  if (slash <= 0) return null;
  const packageName = spec.slice(0, slash);
  const cls = spec.slice(slash + 1);
  return { packageName, className: cls.startsWith('.') ? packageName + cls : cls };
}

function parseIntent(args: string[]): { intent: Intent; wait: boolean; stopFirst: boolean } {
  const intent: Intent = { action: null, categories: [], data: null, packageName: null, component: null, hasExtras: false, extras: {} };
  let wait = false;
  let stopFirst = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-W') wait = true;
    else if (arg === '-S') stopFirst = true;
    else if (arg === '-a') intent.action = args[++i] ?? null;
    else if (arg === '-c') intent.categories.push(args[++i] ?? '');
    else if (arg === '-n') intent.component = parseComponent(args[++i] ?? '');
    else if (arg === '-d') intent.data = args[++i] ?? null;
    else if (arg === '-p') intent.packageName = args[++i] ?? null;
    else if (TWO_VALUES.test(arg)) {
      intent.hasExtras = true;
      if (arg === '--es' || arg === '--ei' || arg === '-e') intent.extras[args[i + 1] ?? ''] = args[i + 2] ?? '';
      i += 2;
    } else if (ONE_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) {
      // A bare trailing argument is a component or a data URI.
      const component = parseComponent(arg);
      if (component !== null && !arg.includes(':')) intent.component = component;
      else intent.data = arg;
    }
  }
  return { intent, wait, stopFirst };
}

export function shortComponent(packageName: string, className: string): string {
  return className.startsWith(`${packageName}.`) ? `${packageName}/${className.slice(packageName.length)}` : `${packageName}/${className}`;
}

function describeIntent(intent: Intent): string {
  const parts: string[] = [];
  if (intent.action !== null) parts.push(`act=${intent.action}`);
  if (intent.categories.length > 0) parts.push(`cat=[${intent.categories.join(',')}]`);
  if (intent.data !== null) parts.push(`dat=${intent.data}`);
  if (intent.packageName !== null) parts.push(`pkg=${intent.packageName}`);
  if (intent.component !== null) parts.push(`cmp=${shortComponent(intent.component.packageName, intent.component.className)}`);
  if (intent.hasExtras) parts.push('(has extras)');
  return `Intent { ${parts.join(' ')} }`;
}

function matches(activity: ApkActivity, intent: Intent): boolean {
  if (intent.action !== null && !activity.actions.includes(intent.action)) return false;
  return intent.categories.every((c) => activity.categories.includes(c));
}

function resolve(state: DeviceState, intent: Intent): { packageName: string; activity: ApkActivity } | 'class-not-found' | 'unresolved' {
  if (intent.component !== null) {
    const { packageName, className } = intent.component;
    const activity = state.packages.get(packageName)?.activities.find((a) => a.name === className);
    return activity === undefined ? 'class-not-found' : { packageName, activity };
  }
  for (const pkg of state.packages.values()) {
    if (intent.packageName !== null && pkg.packageName !== intent.packageName) continue;
    const activity = pkg.activities.find((a) => matches(a, intent));
    if (activity !== undefined && (intent.action !== null || intent.categories.length > 0 || intent.packageName !== null)) {
      return { packageName: pkg.packageName, activity };
    }
  }
  return 'unresolved';
}

type LaunchState = 'COLD' | 'WARM' | 'HOT';

/** Brings an activity to the front; returns how "warm" the app was. */
export function launch(state: DeviceState, packageName: string, className: string): LaunchState {
  const current = state.foreground;
  if (current.packageName === packageName && current.className === className) return 'HOT';
  const launchState: LaunchState = state.running.has(packageName) ? 'WARM' : 'COLD';
  state.running.add(packageName);
  state.foreground = { packageName, className, taskId: state.allocateTaskId() };
  return launchState;
}

async function start(args: string[], ctx: CommandContext): Promise<number> {
  const { intent, wait, stopFirst } = parseIntent(args);
  ctx.out(`Starting: ${describeIntent(intent)}\n`);
  // Without -W, ActivityManager reports errors on stderr; with it, on stdout.
  const report = wait ? ctx.out : ctx.err;
  const target = resolve(ctx.state, intent);
  if (target === 'class-not-found') {
    const component = intent.component;
    report(`Error type 3\nError: Activity class {${component?.packageName ?? ''}/${component?.className ?? ''}} does not exist.\n`);
    return 0;
  }
  if (target === 'unresolved') {
    report(`Error: Activity not started, unable to resolve ${describeIntent(intent)}\n`);
    return 0;
  }
  if (stopFirst) ctx.state.forceStop(target.packageName);
  const begun = Date.now();
  const launchState = launch(ctx.state, target.packageName, target.activity.name);
  // The app runs now: a scripted experience may read its intent and call home (experience.ts).
  for (const hook of ctx.state.launchHooks) hook({ packageName: target.packageName, extras: { ...intent.extras } });
  if (launchState === 'HOT') report('Warning: Activity not started, its current task has been brought to the front\n');
  if (!wait) return 0;
  // Cold starts of VR apps are slow; the numbers only need to look plausible.
  const totalTime = launchState === 'COLD' ? 1432 : launchState === 'WARM' ? 388 : 0;
  ctx.out(
    'Status: ok\n' +
      `LaunchState: ${launchState === 'HOT' ? 'UNKNOWN (0)' : launchState}\n` +
      `Activity: ${shortComponent(target.packageName, target.activity.name)}\n` +
      (launchState === 'HOT' ? '' : `TotalTime: ${totalTime}\n`) +
      `WaitTime: ${totalTime + 12 + (Date.now() - begun)}\n` +
      'Complete\n',
  );
  return 0;
}

const am: Command = async (args, ctx) => {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'start':
    case 'start-activity':
      return start(rest, ctx);
    case 'force-stop':
    case 'stop-app':
      ctx.state.forceStop(rest.filter((a) => !a.startsWith('-')).pop() ?? '');
      return 0;
    case 'kill': {
      const pkg = rest.filter((a) => !a.startsWith('-')).pop() ?? '';
      if (ctx.state.foreground.packageName !== pkg) ctx.state.running.delete(pkg);
      return 0;
    }
    case 'broadcast': {
      const { intent } = parseIntent(rest);
      ctx.out(`Broadcasting: ${describeIntent(intent)}\nBroadcast completed: result=0\n`);
      return 0;
    }
    case 'get-current-user':
      ctx.out('0\n');
      return 0;
    default:
      ctx.err(`Error: Unknown command: ${verb ?? ''}\n`);
      return 255;
  }
};

const monkey: Command = (args, ctx) => {
  ctx.out(args.map((a) => `  bash arg: ${a}\n`).join(''));
  const packages: string[] = [];
  const categories: string[] = [];
  let count: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-p') packages.push(args[++i] ?? '');
    else if (arg === '-c') categories.push(args[++i] ?? '');
    else if (arg === '--throttle' || arg === '-s' || arg.startsWith('--pct-')) i++;
    else if (/^\d+$/.test(arg)) count = Number(arg);
  }
  if (count === null) {
    ctx.err('** Error: Count not specified\n');
    return 1;
  }
  const wanted = categories.length > 0 ? categories : [LAUNCHER_CATEGORY, 'android.intent.category.MONKEY'];
  let target: { packageName: string; activity: ApkActivity } | null = null;
  for (const pkg of ctx.state.packages.values()) {
    if (packages.length > 0 && !packages.includes(pkg.packageName)) continue;
    const activity = pkg.activities.find((a) => a.actions.includes(MAIN_ACTION) && a.categories.some((c) => wanted.includes(c)));
    if (activity !== undefined) {
      target = { packageName: pkg.packageName, activity };
      break;
    }
  }
  if (target === null) {
    ctx.out('** No activities found to run, monkey aborted.\n');
    return 251;
  }
  if (count > 0) launch(ctx.state, target.packageName, target.activity.name);
  ctx.out(`Events injected: ${count}\n## Network stats: elapsed time=23ms (0ms mobile, 0ms wifi, 23ms not connected)\n`);
  return 0;
};

export const amCommands: Record<string, Command> = { am, monkey };
