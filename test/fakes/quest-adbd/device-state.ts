import type { ApkActivity } from './apk-manifest';
import { FakeFileSystem } from './fake-fs';
import type { StorageState } from './fake-fs';
import { QUEST_MODELS, buildSystemProperties } from './quest-models';
import type { QuestModel, QuestModelProfile } from './quest-models';

// Everything a headset "is" apart from its ADB plumbing. Tests read and poke
// this directly (handle.state) to arrange a scenario or check an outcome.

export type BatteryStatus = 'unknown' | 'charging' | 'discharging' | 'not-charging' | 'full';

export interface BatteryState {
  level: number;
  status: BatteryStatus;
  acPowered: boolean;
  usbPowered: boolean;
  wirelessPowered: boolean;
  /** Tenths of a degree Celsius, as BatteryManager reports it. */
  temperature: number;
  voltageMillivolts: number;
}

export interface InstalledPackage {
  packageName: string;
  versionCode: number;
  /** android:versionCodeMajor: the long versionCode is major << 32 | versionCode (Android 9+). */
  versionCodeMajor: number;
  /** The signing certificate (DER); null for platform-signed system apps and unsigned test builds. */
  certificate: Buffer | null;
  versionName: string | null;
  minSdk: number;
  targetSdk: number;
  label: string | null;
  activities: ApkActivity[];
  system: boolean;
  /** Directory holding base.apk (device path). */
  codePath: string;
  /** What `pm path` prints. */
  apkPath: string;
  sizeBytes: number;
  userId: number;
  firstInstallTime: Date;
  lastUpdateTime: Date;
  installer: string | null;
}

export interface ForegroundActivity {
  packageName: string;
  className: string;
  taskId: number;
}

export interface PreinstalledPackage {
  packageName: string;
  versionCode: number;
  versionCodeMajor?: number;
  certificate?: Buffer;
  versionName?: string;
  label?: string;
  /** Fully qualified launcher activity; omitted means the app has none. */
  launchableActivity?: string;
  minSdk?: number;
  targetSdk?: number;
  sizeBytes?: number;
}

export interface DeviceStateOptions {
  model: QuestModel;
  serialNumber: string;
  sdk?: number | undefined;
  release?: string | undefined;
  battery?: Partial<BatteryState> | undefined;
  storage?: Partial<StorageState> | undefined;
  preinstalled?: readonly PreinstalledPackage[] | undefined;
  /** Host directory for the headset's files; a temp dir (removed on stop) by default. */
  dataDir?: string | undefined;
  /**
   * Pre-Android-9 pm refused to replace an installed app unless given -r. Quest OS
   * (Android 10+) replaces by default and only -R refuses; set this for the old rule.
   */
  legacyReplaceRequiresFlag?: boolean | undefined;
}

export const HOME_ACTIVITY = { packageName: 'com.oculus.vrshell', className: 'com.oculus.vrshell.MainActivity' };

const SYSTEM_PACKAGES: ReadonlyArray<{ name: string; activity?: string }> = [
  { name: 'android' },
  { name: 'com.android.settings', activity: 'com.android.settings.Settings' },
  { name: 'com.android.shell' },
  { name: 'com.oculus.horizon' },
  { name: 'com.oculus.shellenv' },
  { name: 'com.oculus.systemux' },
  { name: HOME_ACTIVITY.packageName, activity: HOME_ACTIVITY.className },
];

const GIB = 1024 * 1024 * 1024;

export class DeviceState {
  readonly packages = new Map<string, InstalledPackage>();
  readonly settings = new Map<string, string>();
  readonly running = new Set<string>();
  /** Called when `am start` brings an activity up, with the intent's extras (scripted experiences). */
  readonly launchHooks = new Set<(launched: { packageName: string; extras: Record<string, string> }) => void>();
  foreground: ForegroundActivity;
  /**
   * false: the display is off because nobody wears the headset (the proximity sensor is uncovered) or its
   * power button put it to sleep. adbd still answers and `am start` still succeeds, but the started app
   * stays paused: nothing is resumed until someone puts the headset on. Not the same as `setAsleep`,
   * where the link itself goes silent.
   */
  screenOn = true;
  private nextUserId = 10100;
  private nextTaskId = 20;

  private constructor(
    readonly profile: QuestModelProfile,
    readonly props: Map<string, string>,
    readonly storage: StorageState,
    readonly battery: BatteryState,
    readonly fs: FakeFileSystem,
    readonly legacyReplaceRequiresFlag: boolean,
  ) {
    this.foreground = { ...HOME_ACTIVITY, taskId: this.allocateTaskId() };
    this.running.add(HOME_ACTIVITY.packageName);
  }

  static async create(options: DeviceStateOptions): Promise<DeviceState> {
    const profile = QUEST_MODELS[options.model];
    const sdk = options.sdk ?? profile.sdk;
    const release = options.release ?? profile.release;
    const props = buildSystemProperties(profile, options.serialNumber, sdk, release);
    const totalBytes = options.storage?.totalBytes ?? profile.dataTotalBytes;
    const storage: StorageState = {
      totalBytes,
      freeBytes: options.storage?.freeBytes ?? Math.max(0, totalBytes - 18 * GIB),
    };
    const battery: BatteryState = {
      level: 87,
      status: 'discharging',
      acPowered: false,
      usbPowered: false,
      wirelessPowered: false,
      temperature: 290,
      voltageMillivolts: 4123,
      ...options.battery,
    };
    const fs = await FakeFileSystem.create(storage, options.dataDir);
    const state = new DeviceState(profile, props, storage, battery, fs, options.legacyReplaceRequiresFlag ?? false);
    for (const pkg of SYSTEM_PACKAGES) state.registerSystemPackage(pkg.name, pkg.activity);
    for (const pkg of options.preinstalled ?? []) state.registerPreinstalled(pkg);
    return state;
  }

  get sdk(): number {
    return Number(this.props.get('ro.build.version.sdk') ?? '0');
  }

  get serialNumber(): string {
    return this.props.get('ro.serialno') ?? '';
  }

  async dispose(): Promise<void> {
    await this.fs.dispose();
  }

  // ---- conveniences for tests -------------------------------------------

  readFile(devicePath: string): Promise<Buffer> {
    return this.fs.readFile(devicePath);
  }

  async fileExists(devicePath: string): Promise<boolean> {
    return (await this.fs.stat(devicePath)) !== null;
  }

  installedVersion(packageName: string): number | null {
    return this.packages.get(packageName)?.versionCode ?? null;
  }

  thirdPartyPackages(): InstalledPackage[] {
    return [...this.packages.values()].filter((p) => !p.system);
  }

  // ---- used by the command implementations ------------------------------

  allocateUserId(): number {
    return this.nextUserId++;
  }

  allocateTaskId(): number {
    return this.nextTaskId++;
  }

  goHome(): void {
    this.foreground = { ...HOME_ACTIVITY, taskId: this.allocateTaskId() };
  }

  forceStop(packageName: string): void {
    this.running.delete(packageName);
    if (this.foreground.packageName === packageName) this.goHome();
  }

  private registerSystemPackage(name: string, activity: string | undefined): void {
    const apkName = name.split('.').pop() ?? name;
    this.packages.set(name, {
      packageName: name,
      versionCode: this.sdk,
      versionCodeMajor: 0,
      certificate: null,
      versionName: this.props.get('ro.build.version.release') ?? null,
      minSdk: this.sdk,
      targetSdk: this.sdk,
      label: null,
      activities: activity === undefined ? [] : [launcherActivity(activity)],
      system: true,
      codePath: name === 'android' ? '/system/framework' : `/system/priv-app/${apkName}`,
      apkPath: name === 'android' ? '/system/framework/framework-res.apk' : `/system/priv-app/${apkName}/${apkName}.apk`,
      sizeBytes: 0,
      userId: name === 'android' ? 1000 : this.allocateUserId(),
      firstInstallTime: new Date(0),
      lastUpdateTime: new Date(0),
      installer: null,
    });
  }

  private registerPreinstalled(pkg: PreinstalledPackage): void {
    const token = `~~preinstalled${this.packages.size}==`;
    const codePath = `/data/app/${token}/${pkg.packageName}-1==`;
    const now = new Date();
    this.packages.set(pkg.packageName, {
      packageName: pkg.packageName,
      versionCode: pkg.versionCode,
      versionCodeMajor: pkg.versionCodeMajor ?? 0,
      certificate: pkg.certificate ?? null,
      versionName: pkg.versionName ?? null,
      minSdk: pkg.minSdk ?? 29,
      targetSdk: pkg.targetSdk ?? 32,
      label: pkg.label ?? null,
      activities: pkg.launchableActivity === undefined ? [] : [launcherActivity(pkg.launchableActivity)],
      system: false,
      codePath,
      apkPath: `${codePath}/base.apk`,
      sizeBytes: pkg.sizeBytes ?? 0,
      userId: this.allocateUserId(),
      firstInstallTime: now,
      lastUpdateTime: now,
      installer: null,
    });
  }
}

/** Signature#hashCode as `dumpsys package` prints it: Arrays.hashCode of the certificate, in hex. */
export function signatureHashCode(certificate: Buffer): string {
  let hash = 1;
  for (let i = 0; i < certificate.length; i++) hash = (Math.imul(hash, 31) + certificate.readInt8(i)) | 0;
  return (hash >>> 0).toString(16);
}

/** What PackageInfo.getLongVersionCode() returns, and pm and dumpsys print. */
export function longVersionCode(pkg: Pick<InstalledPackage, 'versionCode' | 'versionCodeMajor'>): bigint {
  return (BigInt(pkg.versionCodeMajor) << 32n) | BigInt(pkg.versionCode >>> 0);
}

function launcherActivity(name: string): ApkActivity {
  return { name, actions: ['android.intent.action.MAIN'], categories: ['android.intent.category.LAUNCHER'] };
}
