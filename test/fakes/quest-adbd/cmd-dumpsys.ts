import { shortComponent } from './cmd-am';
import type { Command, CommandContext } from './commands';
import { longVersionCode, signatureHashCode } from './device-state';
import type { BatteryStatus, DeviceState } from './device-state';

// dumpsys output, trimmed to the sections tools grep for, in Android 10-12 layout.

const BATTERY_STATUS_CODE: Record<BatteryStatus, number> = {
  unknown: 1,
  charging: 2,
  discharging: 3,
  'not-charging': 4,
  full: 5,
};

function battery(state: DeviceState): string {
  const b = state.battery;
  return (
    'Current Battery Service state:\n' +
    `  AC powered: ${b.acPowered}\n` +
    `  USB powered: ${b.usbPowered}\n` +
    `  Wireless powered: ${b.wirelessPowered}\n` +
    `  Max charging current: ${b.acPowered || b.usbPowered ? 3000000 : 0}\n` +
    `  Max charging voltage: ${b.acPowered || b.usbPowered ? 5000000 : 0}\n` +
    `  Charge counter: ${Math.round(b.level * 36400)}\n` +
    `  status: ${BATTERY_STATUS_CODE[b.status]}\n` +
    '  health: 2\n' +
    '  present: true\n' +
    `  level: ${b.level}\n` +
    '  scale: 100\n' +
    `  voltage: ${b.voltageMillivolts}\n` +
    `  temperature: ${b.temperature}\n` +
    '  technology: Li-ion\n'
  );
}

function formatDate(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 19);
}

export function dumpPackage(state: DeviceState, packageName: string): string {
  const pkg = state.packages.get(packageName);
  if (pkg === undefined) return `Unable to find package: ${packageName}\n`;
  const resolver = pkg.activities
    .filter((a) => a.actions.length > 0)
    .map(
      (a) =>
        `      ${a.actions[0] ?? ''}:\n        5e2b7a1 ${shortComponent(pkg.packageName, a.name)} filter 3f9c2d4\n` +
        a.actions.map((x) => `          Action: "${x}"\n`).join('') +
        a.categories.map((x) => `          Category: "${x}"\n`).join(''),
    )
    .join('');
  return (
    (resolver.length > 0 ? `Activity Resolver Table:\n  Non-Data Actions:\n${resolver}\n` : '') +
    'Packages:\n' +
    `  Package [${pkg.packageName}] (8d3c2f1):\n` +
    `    userId=${pkg.userId}\n` +
    `    pkg=Package{41b6a0e ${pkg.packageName}}\n` +
    `    codePath=${pkg.codePath}\n` +
    `    resourcePath=${pkg.codePath}\n` +
    `    legacyNativeLibraryDir=${pkg.codePath}/lib\n` +
    '    primaryCpuAbi=arm64-v8a\n' +
    '    secondaryCpuAbi=null\n' +
    `    versionCode=${longVersionCode(pkg)} minSdk=${pkg.minSdk} targetSdk=${pkg.targetSdk}\n` +
    `    versionName=${pkg.versionName ?? 'null'}\n` +
    '    splits=[base]\n' +
    '    apkSigningVersion=2\n' +
    `    applicationInfo=ApplicationInfo{7c2e9a5 ${pkg.packageName}}\n` +
    `    flags=[ ${pkg.system ? 'SYSTEM ' : ''}HAS_CODE ALLOW_CLEAR_USER_DATA ALLOW_BACKUP ]\n` +
    `    timeStamp=${formatDate(pkg.lastUpdateTime)}\n` +
    `    firstInstallTime=${formatDate(pkg.firstInstallTime)}\n` +
    `    lastUpdateTime=${formatDate(pkg.lastUpdateTime)}\n` +
    `    signatures=PackageSignatures{5f1e2d3 version:2, signatures:[${pkg.certificate === null ? '' : signatureHashCode(pkg.certificate)}], past signatures:[]}\n` +
    `    installerPackageName=${pkg.installer ?? 'null'}\n` +
    `    dataDir=/data/user/0/${pkg.packageName}\n` +
    '    User 0: ceDataInode=1234 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=0 instant=false virtual=false\n'
  );
}

function activityRecord(state: DeviceState): string {
  const fg = state.foreground;
  return `ActivityRecord{9f3e1c2 u0 ${shortComponent(fg.packageName, fg.className)} t${fg.taskId}}`;
}

function activities(state: DeviceState): string {
  const fg = state.foreground;
  const record = activityRecord(state);
  return (
    'ACTIVITY MANAGER ACTIVITIES (dumpsys activity activities)\n' +
    'Display #0 (activities from top to bottom):\n' +
    `  * Task{b1d7e20 #${fg.taskId} type=standard A=10100:${fg.packageName} U=0 visible=true mode=fullscreen translucent=false sz=1}\n` +
    `    affinity=10100:${fg.packageName}\n` +
    `    * Hist #0: ${record}\n` +
    `        packageName=${fg.packageName} processName=${fg.packageName}\n` +
    // With the display off the top activity is paused: ActivityStack prints mResumedActivity only when one is.
    (state.screenOn ? `    mResumedActivity: ${record}\n` : '') +
    `    mLastPausedActivity: ${record}\n` +
    '\n' +
    (state.screenOn ? `  ResumedActivity: ${record}\n` : '') +
    `  mFocusedApp=${record}\n` +
    '  mCurrentUser=0\n'
  );
}

function windows(state: DeviceState): string {
  const fg = state.foreground;
  return (
    'WINDOW MANAGER WINDOWS (dumpsys window windows)\n' +
    `  Window #0 Window{4e1c8b1 u0 ${fg.packageName}/${fg.className}}:\n` +
    '    mDisplayId=0 rootTaskId=1 mSession=Session{4ad1 3012:u0a10100} mClient=android.os.BinderProxy@2b1e\n' +
    '\n' +
    `  mCurrentFocus=Window{4e1c8b1 u0 ${fg.packageName}/${fg.className}}\n` +
    `  mFocusedApp=${activityRecord(state)}\n`
  );
}

function diskstats(state: DeviceState): string {
  const { totalBytes, freeBytes } = state.storage;
  const k = (b: number): number => Math.floor(b / 1024);
  return `Latency: 2ms [512B Data Write]\nData-Free: ${k(freeBytes)}K / ${k(totalBytes)}K total = ${Math.floor((freeBytes * 100) / totalBytes)}% free\n`;
}

/** PowerManagerService's dump, the lines that say whether the headset is awake (Android 10-12 layout). */
function power(state: DeviceState): string {
  const powered = state.battery.acPowered || state.battery.usbPowered || state.battery.wirelessPowered;
  return (
    'POWER MANAGER (dumpsys power)\n\n' +
    'Power Manager State:\n' +
    '  mDirty=0x0\n' +
    `  mWakefulness=${state.screenOn ? 'Awake' : 'Asleep'}\n` +
    '  mWakefulnessChanging=false\n' +
    `  mIsPowered=${powered}\n` +
    `  mBatteryLevel=${state.battery.level}\n` +
    '  mProximityPositive=false\n' +
    '  mDisplayReady=true\n' +
    '\n' +
    `Display Power: state=${state.screenOn ? 'ON' : 'OFF'}\n`
  );
}

/** DisplayManagerService's dump, trimmed to the global display state. */
function display(state: DeviceState): string {
  const on = state.screenOn ? 'ON' : 'OFF';
  return 'DISPLAY MANAGER (dumpsys display)\n' + '  mOnlyCore=false\n' + `  mGlobalDisplayState=${on}\n` + '\nDisplay Power Controller Locked State:\n' + `  mScreenState=${on}\n`;
}

const dumpsys: Command = (args, ctx: CommandContext) => {
  const [service, ...rest] = args;
  const state = ctx.state;
  switch (service) {
    case 'battery':
      ctx.out(battery(state));
      return 0;
    case 'package':
      ctx.out(rest[0] === undefined ? 'Packages:\n' : dumpPackage(state, rest[0]));
      return 0;
    case 'activity':
      ctx.out(rest[0] === undefined || ['activities', 'a', 'top', 'recents', 'r'].includes(rest[0]) ? activities(state) : '');
      return 0;
    case 'window':
      ctx.out(windows(state));
      return 0;
    case 'diskstats':
      ctx.out(diskstats(state));
      return 0;
    case 'power':
      ctx.out(power(state));
      return 0;
    case 'display':
      ctx.out(display(state));
      return 0;
    case '-l':
      ctx.out('Currently running services:\n  activity\n  battery\n  diskstats\n  display\n  package\n  power\n  window\n');
      return 0;
    default:
      ctx.err(`Can't find service: ${service ?? ''}\n`);
      return 0;
  }
};

export const dumpsysCommands: Record<string, Command> = { dumpsys };
