import { describe, expect, it } from 'vitest';
import { mergeReadings, reconcileHeadsets } from '../../../renderer/src/headsets/reconcile-headsets';
import { headsetRow } from './headset-fixtures';

describe('reconcileHeadsets', () => {
  it('takes main’s list and keeps headsets it no longer knows, marked disconnected', () => {
    const remembered = headsetRow('q2', 'device', 'Quest 2');
    const live = [headsetRow('q3', 'device')];
    expect(reconcileHeadsets([remembered, headsetRow('q3', 'offline')], live)).toEqual([live[0], { ...remembered, state: 'disconnected' }]);
  });
});

describe('mergeReadings', () => {
  it('keeps the last readings while a headset has not been read yet', () => {
    const installed = [{ package_name: 'org.example.safety', version_code: 7 }];
    const before = headsetRow('q3', 'device', 'Quest 3', installed);
    const unread = { ...headsetRow('q3', 'unauthorized', null), battery_level: null, free_bytes: null, total_bytes: null, last_seen_at: '2026-03-02T10:00:00.000Z' };
    expect(mergeReadings(before, unread)).toEqual({ ...before, state: 'unauthorized', last_seen_at: '2026-03-02T10:00:00.000Z' });
  });

  it('takes fresh readings as they are', () => {
    const fresh = { ...headsetRow('q3', 'device'), battery_level: 15 };
    expect(mergeReadings(headsetRow('q3', 'device'), fresh)).toEqual(fresh);
    expect(mergeReadings(undefined, fresh)).toEqual(fresh);
  });
});
