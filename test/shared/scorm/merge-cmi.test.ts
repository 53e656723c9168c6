import { describe, expect, it } from 'vitest';
import type { ScormSession } from '../../../shared/schemas/scorm-session';
import { mergeScormCommit, rebaseScormCommit } from '../../../shared/scorm/merge-cmi';

const remote: ScormSession = {
  id: 'session-456',
  tenant_id: '550e8400-e29b-41d4-a716-446655440000',
  user_id: 'user-123',
  package_id: 'pkg_abc123',
  cmi_data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-7', 'cmi.suspend_data': 'remote' },
  completion_status: 'incomplete',
  success_status: 'unknown',
  score: { scaled: 0.5, raw: 50, max: 100, min: 0 },
  time_spent_seconds: 930,
  version: 4,
  created_at: '2025-01-15T10:00:00.000Z',
  updated_at: '2025-01-15T10:15:30.000Z',
};

describe('mergeScormCommit', () => {
  it('lets the newer commit win per element, keeps remote-only elements, and takes the remote version', () => {
    const merged = mergeScormCommit(remote, {
      committedAt: '2025-01-15T10:20:00.000Z',
      request: { version: 3, cmi_data: { 'cmi.core.lesson_location': 'page-9', 'cmi.core.score.raw': '85' }, score: { raw: 85, max: 100, min: 0, scaled: 0.85 }, session_time: 'PT4M30S' },
    });
    expect(merged).toEqual({
      version: 4,
      cmi_data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-9', 'cmi.suspend_data': 'remote', 'cmi.core.score.raw': '85' },
      completion_status: 'incomplete',
      success_status: 'unknown',
      score: { raw: 85, max: 100, min: 0, scaled: 0.85 },
      session_time: 'PT4M30S',
    });
  });

  it('keeps the remote value of an element when the remote commit is newer, but still adds this sitting\'s time', () => {
    const merged = mergeScormCommit(remote, { committedAt: '2025-01-15T10:00:00.000Z', request: { version: 3, cmi_data: { 'cmi.suspend_data': 'older local' }, session_time: 'PT2M' } });
    expect(merged.cmi_data?.['cmi.suspend_data']).toBe('remote');
    expect(merged.session_time).toBe('PT2M');
  });

  it('never moves completion backwards, whichever side is newer', () => {
    const done = { ...remote, completion_status: 'completed' as const, cmi_data: { ...remote.cmi_data, 'cmi.core.lesson_status': 'passed', 'cmi.completion_status': 'completed' } };
    const merged = mergeScormCommit(done, {
      committedAt: '2025-01-16T00:00:00.000Z',
      request: { version: 1, completion_status: 'incomplete', cmi_data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.completion_status': 'incomplete' } },
    });
    expect(merged.completion_status).toBe('completed');
    expect(merged.cmi_data?.['cmi.core.lesson_status']).toBe('passed');
    expect(merged.cmi_data?.['cmi.completion_status']).toBe('completed');
    const forward = mergeScormCommit(remote, { committedAt: '2025-01-01T00:00:00.000Z', request: { version: 1, completion_status: 'completed', cmi_data: { 'cmi.core.lesson_status': 'completed' } } });
    expect(forward.completion_status).toBe('completed');
    expect(forward.cmi_data?.['cmi.core.lesson_status']).toBe('completed');
  });

  it('does not let an unknown success status erase a known one', () => {
    const passed = { ...remote, success_status: 'passed' as const };
    expect(mergeScormCommit(passed, { committedAt: '2026-01-01T00:00:00.000Z', request: { version: 1, success_status: 'unknown' } }).success_status).toBe('passed');
  });
  it('keeps multi-SCO item statuses from moving backwards too', () => {
    const done = { ...remote, cmi_data: { ...remote.cmi_data, 'sco:a:cmi.completion_status': 'completed', 'sco:b:cmi.core.lesson_status': 'passed' } };
    const merged = mergeScormCommit(done, {
      committedAt: '2026-01-16T00:00:00.000Z',
      request: { version: 1, cmi_data: { 'sco:a:cmi.completion_status': 'incomplete', 'sco:b:cmi.core.lesson_status': 'incomplete', 'sco:b:cmi.core.lesson_location': 'p4' } },
    });
    expect(merged.cmi_data).toMatchObject({ 'sco:a:cmi.completion_status': 'completed', 'sco:b:cmi.core.lesson_status': 'passed', 'sco:b:cmi.core.lesson_location': 'p4' });
  });
});

describe('rebaseScormCommit (a commit that waited behind a merged one)', () => {
  // The remote after the kiosk's first commit was merged with the tablet's save (made at 10:15:30).
  const after = { cmi_data: { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-2', 'cmi.comments': 'tablet', 'cmi.suspend_data': 'tablet-sd' }, completion_status: 'incomplete' as const, success_status: 'unknown' as const };
  // What the kiosk's first commit carried, as the kiosk made it.
  const previous = { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-2', 'cmi.suspend_data': 'kiosk-sd' };
  const otherSavedAt = '2025-01-15T10:15:30.000Z';

  it('applies what the kiosk changed since, keeps the rest of the remote (the other device’s elements), and takes the given version', () => {
    const rebased = rebaseScormCommit(after, previous, { committedAt: '2025-01-15T10:20:00.000Z', request: { version: 2, cmi_data: { ...previous, 'cmi.core.lesson_location': 'page-5', 'cmi.core.lesson_status': 'passed' }, completion_status: 'completed', success_status: 'passed', session_time: 'PT1M' } }, otherSavedAt, 7);
    expect(rebased).toEqual({
      version: 7,
      // suspend_data: unchanged by the kiosk since, so the tablet's value (which won the first merge) stays.
      cmi_data: { 'cmi.core.lesson_status': 'passed', 'cmi.core.lesson_location': 'page-5', 'cmi.comments': 'tablet', 'cmi.suspend_data': 'tablet-sd' },
      completion_status: 'completed',
      success_status: 'passed',
      session_time: 'PT1M',
    });
  });

  it('keeps the other device’s value of an element both changed when the other device saved later, and never moves completion back', () => {
    const rebased = rebaseScormCommit(after, previous, { committedAt: '2025-01-15T10:10:00.000Z', request: { version: 2, cmi_data: { ...previous, 'cmi.suspend_data': 'kiosk-sd-2', 'cmi.core.lesson_status': 'browsed' }, completion_status: 'not attempted' } }, otherSavedAt, 3);
    expect(rebased.cmi_data).toEqual({ ...after.cmi_data, 'cmi.suspend_data': 'tablet-sd', 'cmi.core.lesson_status': 'incomplete' });
    expect(rebased.completion_status).toBe('incomplete');
    // Made after the other device's save: the kiosk's change wins.
    const newer = rebaseScormCommit(after, previous, { committedAt: '2025-01-15T10:30:00.000Z', request: { version: 2, cmi_data: { ...previous, 'cmi.suspend_data': 'kiosk-sd-2' } } }, otherSavedAt, 3);
    expect(newer.cmi_data?.['cmi.suspend_data']).toBe('kiosk-sd-2');
  });
});
