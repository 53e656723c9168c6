import { describe, expect, it } from 'vitest';
import { MAX_TOTAL_SECONDS, cmiTimespan, formatTotalTime, isoDuration, sessionSeconds, totalSeconds } from '../../../shared/scorm/scorm-time';
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

describe('total time', () => {
  it('reads totals past a day in both formats and writes them back as each version does', () => {
    expect(totalSeconds('0030:00:05')).toBe(108_005);
    expect(totalSeconds('P2DT1S')).toBe(172_801);
    expect(totalSeconds('nonsense')).toBe(0);
    expect(totalSeconds('P9999Y')).toBe(MAX_TOTAL_SECONDS);
    expect(cmiTimespan(108_005)).toBe('0030:00:05');
    expect(cmiTimespan(10 ** 12)).toBe('9999:59:59');
    expect(formatTotalTime('2004', 108_005)).toBe('PT30H5S');
    expect(formatTotalTime('1.2', 0)).toBe('0000:00:00');
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
