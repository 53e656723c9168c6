import { batteryTooLow } from './battery';
import type { Headset } from './headset';

/** What today's app needs from a headset: its package name, version and size (APK plus OBBs). */
export interface TodaysApp {
  readonly package_name: string | null;
  readonly version_code: number | null;
  readonly bytes: number;
}

export type ReadinessIssue = 'unreachable' | 'unauthorized' | 'noPermissions' | 'lowBattery' | 'lowSpace' | 'notInstalled' | 'updatePending';
export const READINESS_ISSUES: readonly ReadinessIssue[] = ['unreachable', 'unauthorized', 'noPermissions', 'lowBattery', 'lowSpace', 'notInstalled', 'updatePending'];

/**
 * Why a headset is not ready for today's app, empty when it is. Space counts the pushed copy and the
 * installed one (as main's preflight does) and matters only while the app still has to be installed.
 */
export function readinessIssues(headset: Headset, app: TodaysApp | null): ReadinessIssue[] {
  if (headset.state === 'unauthorized') return ['unauthorized'];
  // Not "unreachable": the cable is in, the fix is on this computer (udev rules) or another port.
  if (headset.state === 'no_permissions') return ['noPermissions'];
  if (headset.state !== 'device') return ['unreachable'];
  const issues: ReadinessIssue[] = [];
  if (batteryTooLow(headset.battery_level)) issues.push('lowBattery');
  if (!app?.package_name) return issues;
  const installed = headset.installed.find((p) => p.package_name === app.package_name);
  const needsInstall = !installed || (app.version_code !== null && installed.version_code < app.version_code);
  if (needsInstall && headset.free_bytes !== null && headset.free_bytes < 2 * app.bytes) issues.push('lowSpace');
  if (!installed) issues.push('notInstalled');
  else if (needsInstall) issues.push('updatePending');
  return issues;
}

export interface CartReadiness {
  readonly ready: number;
  /** Headsets with each issue (a headset may count under several). */
  readonly issues: Readonly<Record<ReadinessIssue, number>>;
}

export function cartReadiness(headsets: readonly Headset[], app: TodaysApp | null): CartReadiness {
  const issues = Object.fromEntries(READINESS_ISSUES.map((issue) => [issue, 0])) as Record<ReadinessIssue, number>;
  let ready = 0;
  for (const headset of headsets) {
    const found = readinessIssues(headset, app);
    if (found.length === 0) ready += 1;
    for (const issue of found) issues[issue] += 1;
  }
  return { ready, issues };
}
