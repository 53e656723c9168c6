import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AdbkitHeadsetBridge } from '../../main/services/headsets/adbkit-headset-bridge';
import { inspectApk } from '../../main/services/packages/apk-inspector';
import type { SideloadApk } from '../../main/services/sideload/sideload-types';
import type { VrTargetPlatform } from '../../shared/schemas/vr-package';
import { buildApk } from '../fakes/apk-builder';
import type { ApkSpec } from '../fakes/apk-builder';
import { startPrivateAdbServer, startQuestCart } from '../fakes/quest-adbd';
import type { PrivateAdbServer, QuestCart, QuestHeadsetOptions } from '../fakes/quest-adbd';

export interface CartFixture {
  readonly adb: PrivateAdbServer;
  readonly cart: QuestCart;
  readonly bridge: AdbkitHeadsetBridge;
  /** Socket errors the ADB client reported instead of throwing them. */
  readonly clientErrors: Error[];
  stop(): Promise<void>;
}

/** A private adb server with emulated headsets connected to it, and our bridge pointed at that server. */
export async function startCartFixture(headsets: readonly QuestHeadsetOptions[]): Promise<CartFixture> {
  const adb = await startPrivateAdbServer();
  const cart = await startQuestCart(headsets);
  await Promise.all(cart.headsets.map((h) => adb.connect(h.serial, h.faults.unauthorized ? 'unauthorized' : 'device')));
  const clientErrors: Error[] = [];
  return {
    adb,
    cart,
    clientErrors,
    bridge: new AdbkitHeadsetBridge({ host: '127.0.0.1', port: adb.port, adbPath: adb.adbPath, onClientError: (error) => clientErrors.push(error) }),
    async stop() {
      await cart.stop();
      await adb.stop();
    },
  };
}

/** A real APK file, inspected the way the library imports one. */
export async function sideloadApk(spec: Partial<ApkSpec> & { sizeBytes: number }, targets: VrTargetPlatform[]): Promise<SideloadApk & { cleanup(): Promise<void> }> {
  const built = await buildApk({ packageName: 'org.example.safety', versionCode: 7, versionName: '1.0.7', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', ...spec });
  const info = await inspectApk(built.path);
  return {
    path: built.path,
    package_name: info.package_name,
    version_code: info.version_code,
    size_bytes: info.size_bytes,
    sha256: info.sha256,
    min_sdk: info.min_sdk,
    target_sdk: info.target_sdk,
    native_abis: info.native_abis,
    signature_hash: info.signature_hash,
    target_platforms: targets,
    obbs: [],
    cleanup: () => rm(dirname(built.path), { recursive: true, force: true }),
  };
}
