import { describe, expect, it } from 'vitest';
import { checkCompletion, errorsFromDetails } from '../../../renderer/src/sessions/completion-form';
import type { CompletionInput } from '../../../renderer/src/sessions/completion-form';

const blank: CompletionInput = { mode: 'self_report', score: '', minutes: '', notes: '' };

describe('checkCompletion', () => {
  it('sends {} for an untouched self-report: every field is optional', () => {
    expect(checkCompletion(blank)).toEqual({ ok: true, body: {} });
  });

  it('requires a score for score_entry sessions', () => {
    expect(checkCompletion({ ...blank, mode: 'score_entry' })).toEqual({ ok: false, errors: { score: 'scoreRequired' } });
    expect(checkCompletion({ ...blank, mode: 'score_entry', score: ' 85 ', minutes: '30' })).toEqual({ ok: true, body: { score: 85, time_spent_minutes: 30 } });
  });

  it('applies the seed schema limits and reports every field at once', () => {
    const result = checkCompletion({ mode: 'score_entry', score: '120', minutes: '-5', notes: 'x'.repeat(1001) });
    expect(result).toEqual({ ok: false, errors: { score: 'scoreRange', time_spent_minutes: 'minutesNegative', notes: 'notesTooLong' } });
    expect(checkCompletion({ ...blank, score: '-0.5' })).toEqual({ ok: false, errors: { score: 'scoreRange' } });
  });

  it('accepts the bounds themselves', () => {
    expect(checkCompletion({ ...blank, score: '100', minutes: '0', notes: 'x'.repeat(1000) })).toEqual({
      ok: true,
      body: { score: 100, time_spent_minutes: 0, notes: 'x'.repeat(1000) },
    });
    expect(checkCompletion({ ...blank, score: '0', minutes: '12.5' })).toEqual({ ok: true, body: { score: 0, time_spent_minutes: 12.5 } });
  });

  it.each(['eighty', '1e2', '0x10', '85%', '8 5'])('refuses %j as a number', (text) => {
    expect(checkCompletion({ ...blank, score: text, minutes: text })).toEqual({ ok: false, errors: { score: 'notANumber', time_spent_minutes: 'notANumber' } });
  });

  it('refuses more than a day of time spent, with its own message', () => {
    expect(checkCompletion({ ...blank, minutes: '1440' })).toEqual({ ok: true, body: { time_spent_minutes: 1440 } });
    expect(checkCompletion({ ...blank, minutes: '1441' })).toEqual({ ok: false, errors: { time_spent_minutes: 'minutesTooMany' } });
    expect(checkCompletion({ ...blank, minutes: '9'.repeat(400) })).toEqual({ ok: false, errors: { time_spent_minutes: 'minutesTooMany' } });
  });

  it('counts notes in characters like the schema: 1000 emoji pass, 1001 are too long', () => {
    expect(checkCompletion({ ...blank, notes: '😀'.repeat(1000) })).toEqual({ ok: true, body: { notes: '😀'.repeat(1000) } });
    expect(checkCompletion({ ...blank, notes: '😀'.repeat(1001) })).toEqual({ ok: false, errors: { notes: 'notesTooLong' } });
  });

  it('leaves out notes that are only whitespace, and sends others as typed', () => {
    expect(checkCompletion({ ...blank, notes: '  \n ' })).toEqual({ ok: true, body: {} });
    expect(checkCompletion({ ...blank, notes: ' Done! ' })).toEqual({ ok: true, body: { notes: ' Done! ' } });
  });
});

describe('errorsFromDetails', () => {
  it('places API field details next to their fields and keeps the rest form-level', () => {
    expect(
      errorsFromDetails([
        { path: 'score', message: 'Too big: expected number to be <=100' },
        { path: 'notes', message: 'Too big' },
        { path: '', message: 'Invalid input' },
      ]),
    ).toEqual({ errors: { score: 'rejected', notes: 'rejected' }, unplaced: [{ path: '', message: 'Invalid input' }] });
  });
});
