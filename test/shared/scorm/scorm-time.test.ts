import { describe, expect, it } from 'vitest';
import { isoDuration, sessionSeconds } from '../../../shared/scorm/scorm-time';
import { outcome12, outcome2004 } from '../../../shared/scorm/cmi-status';

describe('session time', () => {
  it('reads 1.2 timespans and 2004 durations, caps at a day, ignores garbage', () => {
    expect(sessionSeconds('0000:15:30.50')).toBe(931);
    expect(sessionSeconds('PT1H2M3S')).toBe(3723);
    expect(sessionSeconds('P3D')).toBe(86_400);
    expect(sessionSeconds('soon')).toBe(0);
    expect(isoDuration(930)).toBe('PT15M30S');
    expect(isoDuration(0)).toBe('PT0S');
  });
});

describe('CMI to session status', () => {
  it('maps every 1.2 lesson_status', () => {
    const of = (s: string) => outcome12({ 'cmi.core.lesson_status': s });
    expect([of('passed'), of('completed'), of('failed'), of('incomplete'), of('browsed'), of('not attempted')].map((o) => `${o.completion}/${o.success}`)).toEqual([
      'completed/passed', 'completed/unknown', 'completed/failed', 'incomplete/unknown', 'incomplete/unknown', 'not attempted/unknown',
    ]);
  });
  it('maps 2004 completion and success one to one with the scaled score', () => {
    expect(outcome2004({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.25', 'cmi.score.raw': '25' })).toEqual({ completion: 'completed', success: 'failed', score: { scaled: 0.25, raw: 25 } });
  });
});
