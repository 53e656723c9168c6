// Entry point for tests that need emulated Quest headsets.
export { startQuestHeadset, QUEST_FEATURES, CMD_ONLY_FEATURES, LEGACY_FEATURES } from './headset';
export type { QuestHeadset, QuestHeadsetOptions, TraceEntry } from './headset';
export { startQuestCart } from './cart';
export type { QuestCart } from './cart';
export { startPrivateAdbServer } from './private-adb-server';
export type { PrivateAdbServer, AdbDeviceState, AdbResult } from './private-adb-server';
export type { DeviceState, BatteryState, InstalledPackage, PreinstalledPackage } from './device-state';
export type { FaultSwitches } from './faults';
export type { QuestModel } from './quest-models';
export { QUEST_MODELS } from './quest-models';
export { LINK_PROFILES, SharedLink, scaledProfile } from './link-model';
export type { InstallTiming, LinkProfile, LinkProfileName } from './link-model';
