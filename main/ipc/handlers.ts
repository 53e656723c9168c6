import type { AdbStatus } from '../../shared/headsets/sideload-contract';
import type { AppInfo } from '../../shared/ipc/contract';
import type { HeadsetBridge } from '../services/headsets/headset-bridge';
import type { HeadsetService } from '../services/headsets/headset-service';
import type { PackageStore } from '../services/packages/package-store';
import type { HeadsetApiService } from '../services/headset-api/headset-api-service';
import type { SideloadService } from '../services/sideload/sideload-service';
import type { SettingsService } from '../services/settings-service';
import type { RemoteStatusService } from '../services/remote/remote-status';
import type { SecretStore } from '../services/remote/secret-store';
import type { RemoteRequest, RemoteResult } from '../../shared/sync/remote-contract';
import type { InstructorService } from '../services/instructor/instructor-service';
import type { UploadTickets } from '../services/instructor/upload-tickets';
import type { ScormService } from '../services/scorm/scorm-service';
import type { CastService } from '../services/cast/cast-service';
import type { ScormLanService } from '../services/scorm-lan/scorm-lan-service';
import type { HandlerMap } from './handler-map';
import type { DiskSpace } from '../../shared/storage/disk-space';
import { IpcFailure } from '../../shared/ipc/result';
import { originOf } from '../services/remote/bound-token';
import { lrsView } from '../../shared/xapi/lrs-config';
import type { LrsConfigStore } from '../services/lrs/lrs-config-store';
import type { PairResult } from '../services/headsets/adb-pair';
import { storeToken } from '../services/remote/store-token';

export interface HandlerDeps {
  readonly appInfo: AppInfo;
  readonly settings: SettingsService;
  readonly bridge: HeadsetBridge;
  readonly headsets: HeadsetService;
  readonly sideload: SideloadService;
  readonly store: PackageStore;
  readonly adbStatus: () => AdbStatus | null;
  readonly now: () => Date;
  readonly remote: (request: RemoteRequest) => Promise<RemoteResult>;
  readonly remoteStatus: RemoteStatusService;
  readonly secrets: SecretStore;
  readonly instructor: InstructorService;
  readonly uploadTickets: UploadTickets;
  readonly scorm: ScormService;
  readonly headsetApi: HeadsetApiService;
  readonly cast: CastService;
  readonly scormLan: ScormLanService;
  readonly lrsConfig: LrsConfigStore;
  readonly adbPair: (host: string, port: number, code: string) => Promise<PairResult>;
  /** The data folder's free space (main/services/storage); absent in tests that do not need it. */
  readonly diskSpace?: () => Promise<DiskSpace | null>;
}

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    'app:info': async () => deps.appInfo,
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
    'headsets:list': async () => ({ headsets: deps.headsets.list(), adb: deps.adbStatus() }),
    'headsets:refresh': ({ serial }) => deps.headsets.refresh(serial),
    'headsets:connect': async ({ host, port }) => ({ message: await deps.bridge.connect(host, port) }),
    'headsets:pair': ({ host, port, code }) => deps.adbPair(host, port, code),
    'headsets:launch': (request) => deps.headsetApi.launch(request),
    'headsets:uninstall': async ({ serial, package_name }) => {
      const uninstalled = await deps.bridge.uninstall(serial, package_name);
      return { uninstalled, headset: await deps.headsets.refresh(serial) };
    },
    'sideload:start': async ({ jobs }) => ({ accepted: await deps.sideload.start(jobs) }),
    'sideload:cancel': async ({ job_id }) => ({ cancelled: deps.sideload.cancel(job_id) }),
    'sideload:jobs': async () => ({ jobs: await deps.sideload.jobs() }),
    'sideload:resume': async ({ job_id }) => {
      const outcome = await deps.sideload.resume(job_id);
      return outcome.ok ? { resumed: true as const } : { resumed: false as const, reason: outcome.reason };
    },
    'packages:stored': async ({ sha256 }) => {
      const stored = new Set(await deps.store.storedApks());
      return { stored: sha256.filter((s) => stored.has(s)) };
    },
    'packages:upload-ticket': async () => deps.uploadTickets.issue(),
    'scorm:sign-launch': (request) => deps.scorm.signLaunch(request),
    'scorm:delete-course': ({ package_id }) => deps.scorm.deleteCourse(package_id),
    'remote:request': async (request) => {
      const result = await deps.remote(request);
      if (result.kind === 'response' && result.status === 401) deps.remoteStatus.markSignedOut();
      return result;
    },
    'remote:status': ({ refresh }) => (refresh ? deps.remoteStatus.check() : Promise.resolve(deps.remoteStatus.current)),
    'remote:set-token': async ({ token, allow_plain_text }) => {
      const base = (await deps.settings.get()).apiBaseUrl;
      if (!base) throw new IpcFailure('API_URL_REQUIRED', 'Set the API address first: the token is kept for that address only');
      await storeToken(deps.secrets, { origin: originOf(base), token }, allow_plain_text === true);
      return deps.remoteStatus.check();
    },
    'remote:sign-out': async () => {
      await deps.secrets.clear();
      return deps.remoteStatus.check();
    },
    'lrs:get': async () => {
      const config = await deps.lrsConfig.get();
      return config ? lrsView(config) : null;
    },
    'lrs:set': async (config) => {
      await deps.lrsConfig.set(config);
      return lrsView(config);
    },
    'lrs:clear': async () => {
      await deps.lrsConfig.clear();
      return null;
    },
    'lrs:status': async () => ({ configured: (await deps.lrsConfig.get()) !== null }),
    'instructor:status': (_request, { senderId }) => deps.instructor.status(senderId),
    'instructor:setup': ({ secret }, { senderId }) => deps.instructor.setup(senderId, secret),
    'instructor:sign-in': ({ secret }, { senderId }) => deps.instructor.signIn(senderId, secret),
    'instructor:sign-out': (_request, { senderId }) => deps.instructor.signOut(senderId),
    'instructor:change-secret': ({ current, next }, { senderId }) => deps.instructor.changeSecret(senderId, current, next),
    'headset-api:attach': async ({ responder }) => deps.headsetApi.attach(responder),
    'headset-api:respond': async (answer) => deps.headsetApi.respond(answer),
    'storage:status': async () => (deps.diskSpace ? deps.diskSpace() : null),
    'cast:status': async () => deps.cast.summary(),
    'cast:tiles': async () => deps.cast.tiles(),
    'cast:start': async ({ serials, eye }) => deps.cast.start(serials, eye),
    'cast:stop': async ({ serials }) => deps.cast.stop(serials),
    'cast:pause': async ({ paused }) => deps.cast.pause(paused),
    'cast:focus': async ({ serial }) => deps.cast.focus(serial),
    'cast:pull': ({ cursors, wait_ms }) => deps.cast.pull(cursors, wait_ms),
    'cast:details': ({ serial }) => deps.cast.details(serial),
    'scorm-lan:status': () => deps.scormLan.status(),
    'scorm-lan:configure': (request) => deps.scormLan.configure(request),
    'scorm-lan:attach': async ({ responder }) => deps.scormLan.attach(responder),
    'scorm-lan:respond': async (answer) => deps.scormLan.respond(answer),
    'scorm-lan:deliver': async (request) => deps.scormLan.deliver(request),
  };
}
