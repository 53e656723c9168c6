// What each headset model reports about itself. Codenames and Android levels are
// the ones the shipping Quest OS builds use; sdk/release are overridable per headset.

export type QuestModel = 'Quest' | 'Quest 2' | 'Quest Pro' | 'Quest 3' | 'Quest 3S';

export interface QuestModelProfile {
  model: QuestModel;
  /** ro.product.device */
  device: string;
  /** ro.product.name */
  productName: string;
  sdk: number;
  release: string;
  serialPrefix: string;
  /** Size of the /data partition as the OS reports it (smaller than the marketing size). */
  dataTotalBytes: number;
  displaySize: string;
}

const GIB = 1024 * 1024 * 1024;

export const QUEST_MODELS: Readonly<Record<QuestModel, QuestModelProfile>> = {
  Quest: {
    model: 'Quest',
    device: 'monterey',
    productName: 'vr_monterey',
    sdk: 29,
    release: '10',
    serialPrefix: '1KWP',
    dataTotalBytes: 53 * GIB,
    displaySize: '2880x1600',
  },
  'Quest 2': {
    model: 'Quest 2',
    device: 'hollywood',
    productName: 'hollywood',
    sdk: 32,
    release: '12',
    serialPrefix: '1WMHH',
    dataTotalBytes: 107 * GIB,
    displaySize: '3664x1920',
  },
  'Quest Pro': {
    model: 'Quest Pro',
    device: 'seacliff',
    productName: 'seacliff',
    sdk: 32,
    release: '12',
    serialPrefix: '230YC',
    dataTotalBytes: 228 * GIB,
    displaySize: '3600x1920',
  },
  'Quest 3': {
    model: 'Quest 3',
    device: 'eureka',
    productName: 'eureka',
    sdk: 32,
    release: '12',
    serialPrefix: '2G0YC',
    dataTotalBytes: 107 * GIB,
    displaySize: '4128x2208',
  },
  'Quest 3S': {
    model: 'Quest 3S',
    device: 'panther',
    productName: 'panther',
    sdk: 32,
    release: '12',
    serialPrefix: '340YC',
    dataTotalBytes: 107 * GIB,
    displaySize: '3664x1920',
  },
};

export function buildSystemProperties(
  profile: QuestModelProfile,
  serialNumber: string,
  sdk: number,
  release: string,
): Map<string, string> {
  const buildId = 'SQ3A.220605.009.A1';
  const incremental = '51154110129000520';
  return new Map([
    ['ro.product.model', profile.model],
    ['ro.product.manufacturer', 'Oculus'],
    ['ro.product.brand', 'oculus'],
    ['ro.product.name', profile.productName],
    ['ro.product.device', profile.device],
    ['ro.product.board', profile.device],
    ['ro.product.cpu.abi', 'arm64-v8a'],
    ['ro.product.cpu.abilist', 'arm64-v8a,armeabi-v7a,armeabi'],
    ['ro.serialno', serialNumber],
    ['ro.boot.serialno', serialNumber],
    ['ro.build.version.sdk', String(sdk)],
    ['ro.build.version.release', release],
    // Recorded on Quest 2 (Android 12): 23; on Quest 3 with Android 14: 28 (docs/headsets/emulator-fidelity.md).
    ['ro.build.version.min_supported_target_sdk', sdk >= 34 ? '28' : '23'],
    ['ro.build.version.incremental', incremental],
    ['ro.build.id', buildId],
    ['ro.build.type', 'user'],
    ['ro.build.tags', 'release-keys'],
    ['ro.build.fingerprint', `oculus/${profile.productName}/${profile.device}:${release}/${buildId}/${incremental}:user/release-keys`],
    ['ro.hardware', profile.device],
    ['ro.debuggable', '0'],
    ['ro.secure', '1'],
    ['ro.adb.secure', '1'],
    ['persist.sys.timezone', 'Etc/UTC'],
    ['sys.boot_completed', '1'],
    ['init.svc.adbd', 'running'],
    ['service.adb.tcp.port', '5555'],
  ]);
}
