import { describe, expect, it } from 'vitest';
import { MIN_BATTERY_PERCENT } from '../../../shared/headsets/battery';
import type { Headset } from '../../../shared/headsets/headset';
import { cartReadiness, readinessIssues } from '../../../shared/headsets/readiness';
import { MIN_BATTERY_PERCENT as MAIN_REFUSES_UNDER } from '../../../main/services/sideload/preflight';

const headset = (over: Partial<Headset> = {}): Headset => ({
  serial: 'S',
  state: 'device',
  model: 'Quest 3',
  battery_level: 80,
  free_bytes: 10_000,
  total_bytes: 100_000,
  installed: [{ package_name: 'org.school.safety', version_code: 3 }],
  label: null,
  last_seen_at: '2026-03-02T08:00:00.000Z',
  ...over,
});
const app = { package_name: 'org.school.safety', version_code: 3, bytes: 4000 };

describe('cart readiness', () => {
  it('warns at the very threshold main refuses installs under', () => {
    expect(MAIN_REFUSES_UNDER).toBe(MIN_BATTERY_PERCENT);
    expect(readinessIssues(headset({ battery_level: MIN_BATTERY_PERCENT - 1 }), app)).toEqual(['lowBattery']);
    expect(readinessIssues(headset({ battery_level: MIN_BATTERY_PERCENT }), app)).toEqual([]);
  });

  it('names what stands in the way: unreachable, unauthorized, space for two copies, missing app, pending update', () => {
    expect(readinessIssues(headset({ state: 'offline' }), app)).toEqual(['unreachable']);
    expect(readinessIssues(headset({ state: 'unauthorized' }), app)).toEqual(['unauthorized']);
    // Plugged in but this computer may not open the USB device: a fix on the computer, not "unreachable".
    expect(readinessIssues(headset({ state: 'no_permissions' }), app)).toEqual(['noPermissions']);
    expect(readinessIssues(headset({ installed: [] }), app)).toEqual(['notInstalled']);
    expect(readinessIssues(headset({ installed: [], free_bytes: 7999 }), app)).toEqual(['lowSpace', 'notInstalled']);
    expect(readinessIssues(headset({ installed: [{ package_name: 'org.school.safety', version_code: 2 }] }), app)).toEqual(['updatePending']);
    // Already installed: little free space does not matter today.
    expect(readinessIssues(headset({ free_bytes: 10 }), app)).toEqual([]);
    expect(cartReadiness([headset(), headset({ installed: [] }), headset({ state: 'offline' }), headset({ state: 'no_permissions' })], app)).toEqual({
      ready: 1,
      issues: { unreachable: 1, unauthorized: 0, noPermissions: 1, lowBattery: 0, lowSpace: 0, notInstalled: 1, updatePending: 0 },
    });
  });
});
