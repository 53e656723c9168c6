import { join } from 'node:path';
import type { AdbStatus } from '../../shared/headsets/sideload-contract';
import type { AppInfo } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatcher';
import type { Dispatch } from '../ipc/dispatcher';
import { EventBus } from '../ipc/event-bus';
import { createHandlers } from '../ipc/handlers';
import { guardAgainstConnectionErrors } from '../services/headsets/adb-crash-guard';
import { AdbkitHeadsetBridge } from '../services/headsets/adbkit-headset-bridge';
import { ensureAdbServer } from '../services/headsets/adb-server';
import type { AdbServerConfig } from '../services/headsets/adb-server';
import { HeadsetService } from '../services/headsets/headset-service';
import { AdbkitReversePorts } from '../services/headset-api/adb-reverse';
import { HeadsetApiService } from '../services/headset-api/headset-api-service';
import { InstructorService } from '../services/instructor/instructor-service';
import { UploadTickets } from '../services/instructor/upload-tickets';
import { PackageStore } from '../services/packages/package-store';
import { createUploadHandler } from '../services/packages/upload-handler';
import { ScormService } from '../services/scorm/scorm-service';
import { SCORM_UPLOAD_PATH } from '../../shared/scorm/scorm-ipc-contract';
import { createAdbPair } from '../services/headsets/adb-pair';
import { LrsConfigStore } from '../services/lrs/lrs-config-store';
import { createLrsBatcher } from '../services/lrs/lrs-batcher';
import { createLrsClient } from '../services/lrs/lrs-client';
import { createRemoteClient } from '../services/remote/remote-client';
import { RemoteStatusService } from '../services/remote/remote-status';
import type { SecretStore } from '../services/remote/secret-store';
import { SettingsService } from '../services/settings-service';
import { diskSpaceOf } from '../services/storage/disk-space';
import { guardUploadSpace } from '../services/storage/upload-space-guard';
import { SideloadJournal } from '../services/sideload/sideload-journal';
import { SideloadManager } from '../services/sideload/sideload-manager';
import { SideloadService } from '../services/sideload/sideload-service';
import { CastService } from '../services/cast/cast-service';
import { parseWmSize } from '../services/cast/quest-eye';
import { ScrcpyMirror } from '../services/cast/scrcpy-mirror';
import { serverBinaryLoader } from '../services/cast/server-binary';
import type { ServerBinarySource } from '../services/cast/server-binary';
import { ScormLanService } from '../services/scorm-lan/scorm-lan-service';

export interface MainServicesOptions {
  readonly dataDir: string;
  readonly appInfo: Omit<AppInfo, 'startedAt'>;
  readonly now: () => Date;
  readonly log: (message: string, error?: unknown) => void;
  readonly adb: AdbServerConfig;
  /** Headsets written to at once. */
  readonly sideloadConcurrency?: number;
  /** Holds the remote API token: OS-encrypted in Electron, a 0600 file in the headless host. */
  readonly secrets: SecretStore;
  readonly fetch?: typeof fetch;
  /** How long an instructor session lasts without instructor work (default 15 minutes). */
  readonly instructorIdleMs?: number;
  /** Loopback port headsets reach through `adb reverse` (0 or absent: any free port). */
  readonly headsetApiPort?: number;
  /**
   * The scrcpy server pushed to headsets for casting (docs/cast.md). Default: Electron reads the packaged
   * copy from its resources folder; the headless host pushes a stand-in only emulated headsets accept.
   */
  readonly castServer?: ServerBinarySource;
}

export interface MainServices {
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly settings: SettingsService;
  readonly upload: (request: Request) => Promise<Response>;
  readonly remoteStatus: RemoteStatusService;
  readonly instructor: InstructorService;
  readonly scorm: ScormService;
  readonly headsetApi: HeadsetApiService;
  readonly cast: CastService;
  /** Courses handed to an LMS on the school's network (docs/scorm-lan.md); the host calls configureHost and resume. */
  readonly scormLan: ScormLanService;
  /** Starts talking to adb (starting its server if none runs); the app works without it, minus headsets. */
  startHeadsets(): Promise<AdbStatus>;
  stop(): void;
}

export function defaultAdbConfig(env: NodeJS.ProcessEnv = process.env): AdbServerConfig {
  return { adbPath: env.OUTPOST_ADB ?? 'adb', host: '127.0.0.1', port: Number(env.OUTPOST_ADB_PORT ?? 5037) };
}

/**
 * Composition root of the privileged side. Both hosts (the Electron shell and the headless `serve` host)
 * call this, so they run the same services behind the same handler map.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const bus = new EventBus();
  const now = options.now;
  const settings = new SettingsService(options.dataDir, (next) => bus.emit('settings:changed', next));
  const appInfo: AppInfo = { ...options.appInfo, startedAt: now().toISOString() };
  const releaseGuard = guardAgainstConnectionErrors(process, options.log);
  const bridge = new AdbkitHeadsetBridge({
    host: options.adb.host,
    port: options.adb.port,
    adbPath: options.adb.adbPath,
    onClientError: (error) => options.log('adb connection error (that headset fails, the rest go on)', error),
  });
  const headsetApi = new HeadsetApiService({
    bridge,
    reverse: new AdbkitReversePorts(options.adb),
    now,
    emit: (request) => bus.emit('headset-api:request', request),
    log: options.log,
  });
  const castServer: ServerBinarySource =
    options.castServer ??
    (options.appInfo.host === 'electron'
      ? { kind: 'packaged', path: join((process as { resourcesPath?: string }).resourcesPath ?? '.', 'scrcpy-server') }
      : { kind: 'stand-in' });
  let headsetList: readonly { serial: string; state: string }[] = [];
  const cast = new CastService({
    mirror: new ScrcpyMirror(options.adb),
    server: serverBinaryLoader(castServer),
    present: (serial) => headsetList.some((h) => h.serial === serial && h.state === 'device'),
    wakefulness: (serial) => bridge.wakefulness(serial),
    displaySize: async (serial) => parseWmSize(await bridge.shell(serial, 'wm size')),
    foregroundPackage: (serial) => bridge.foregroundPackage(serial),
    now,
    log: options.log,
    onSummary: (summary) => bus.emit('cast:changed', summary),
  });
  const headsets = new HeadsetService({
    bridge,
    now,
    onChange: (list) => {
      headsetList = list;
      cast.onHeadsets(new Set(list.filter((h) => h.state === 'device').map((h) => h.serial)));
      headsetApi.onHeadsets(list);
      bus.emit('headsets:changed', list);
    },
    log: options.log,
  });
  const store = new PackageStore(join(options.dataDir, 'packages'));
  const emit = (update: Parameters<typeof bus.emit<'sideload:progress'>>[1]) => bus.emit('sideload:progress', update);
  let sideload: SideloadService | null = null;
  // Each update is journalled (a new status) before it is published: see docs/crash-safety.md.
  const onUpdate: typeof emit = (update) => void sideload?.publish(update);
  const manager = new SideloadManager({ bridge, now, onUpdate, concurrency: options.sideloadConcurrency ?? 8 });
  const journal = new SideloadJournal(join(options.dataDir, 'sideload-jobs.json'));
  sideload = new SideloadService({ manager, store, headsets, now, onUpdate: emit, journal });
  let adbStatus: AdbStatus | null = null;
  const baseUrl = async () => (await settings.get()).apiBaseUrl;
  // The school's LRS, if one is set (docs/api/xapi.md): <data dir>/lrs.json, 0600, main only.
  const lrsConfig = new LrsConfigStore(join(options.dataDir, 'lrs.json'));
  // Statements sync sends at about the same time share one POST (docs/api/xapi.md, batching).
  const lrs = createLrsBatcher(createLrsClient({ config: () => lrsConfig.get(), ...(options.fetch ? { fetch: options.fetch } : {}) }));
  const remote = createRemoteClient({ baseUrl, secrets: options.secrets, lrs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const remoteStatus = new RemoteStatusService({ baseUrl, secrets: options.secrets, now, onChange: (status) => bus.emit('remote:status', status), ...(options.fetch ? { fetch: options.fetch } : {}) });

  const instructor = new InstructorService({ path: join(options.dataDir, 'instructor.json'), now, ...(options.instructorIdleMs ? { idleMs: options.instructorIdleMs } : {}) });
  const uploadTickets = new UploadTickets(now);
  const scorm = new ScormService({ dataDir: options.dataDir, now, tickets: uploadTickets, log: options.log });
  const apkUpload = createUploadHandler(store, uploadTickets);
  const scormLan = new ScormLanService({
    dataDir: options.dataDir,
    signer: scorm.signer,
    filesDir: async (id) => ((await scorm.importer.exists(id)) ? scorm.importer.filesDir(id) : null),
    emit: (request) => bus.emit('scorm-lan:request', request),
    now,
    log: options.log,
  });

  // The data folder's disk: shown on Settings, and an import that would not fit is refused before it is stored.
  const diskSpace = () => diskSpaceOf(options.dataDir);
  const handlers = createHandlers({ appInfo, settings, bridge, headsets, sideload, store, adbStatus: () => adbStatus, now, remote, remoteStatus, secrets: options.secrets, instructor, uploadTickets, scorm, headsetApi, scormLan, lrsConfig, diskSpace, cast, adbPair: createAdbPair(options.adb) });
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => options.log(`IPC handler for ${channel} failed`, error),
    isInstructor: ({ senderId }) => instructor.sessions.touch(senderId),
  });
  return {
    dispatch,
    bus,
    settings,
    upload: guardUploadSpace((request) => (new URL(request.url).pathname === SCORM_UPLOAD_PATH ? scorm.upload(request) : apkUpload(request)), diskSpace),
    remoteStatus,
    instructor,
    scorm,
    headsetApi,
    cast,
    scormLan,
    async startHeadsets() {
      await headsetApi.start(options.headsetApiPort ?? 0).catch((error: unknown) => options.log('The headset API did not start; headsets cannot report by themselves', error));
      adbStatus = await ensureAdbServer(options.adb);
      bus.emit('adb:status', adbStatus);
      if (adbStatus.ok) await headsets.start().catch((error: unknown) => options.log('Headset tracking did not start', error));
      return adbStatus;
    },
    stop: () => {
      cast.shutdown();
      headsets.stop();
      void headsetApi.stop();
      void scormLan.stop();
      releaseGuard();
    },
  };
}
