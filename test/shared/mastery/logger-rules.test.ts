import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoggerError } from '../../../shared/mastery/logger-error';
import { startResponse } from '../../../shared/mastery/logger-start';
import { answer, exercise, memoryLogger } from './logger-fixtures';

describe('session start (Kolibri ProgressTrackingViewSet.create)', () => {
  it('creates summary, try and session; resuming keeps the try and always makes a new session', () => {
    const log = memoryLogger();
    const first = log.start(exercise);
    expect(first).toMatchObject({ summaryCreated: true, masteryCreated: true, mastery: { mastery_level: 1 } });
    const again = log.start(exercise);
    expect(again).toMatchObject({ summaryCreated: false, masteryCreated: false, mastery: { id: first.mastery?.id } });
    expect(again.session.id).not.toBe(first.session.id);
    expect(startResponse(again, [])).toMatchObject({ context: { node_id: 'n1', mastery_level: 1 }, totalattempts: 0, complete: false });
  });

  it('repeat resets progress; a finished try is repeated one level up, an unfinished one is resumed', () => {
    const log = memoryLogger();
    const first = log.start(exercise);
    log.update(first.session.id, { progress: 0.5 });
    expect(log.start({ ...exercise, repeat: true })).toMatchObject({ masteryCreated: false, summary: { progress: 0 } });
    log.update(first.session.id, { progress: 1 });
    const second = log.start({ ...exercise, repeat: true });
    expect(second).toMatchObject({ masteryCreated: true, mastery: { mastery_level: 2 }, summary: { progress: 0 } });
  });

  it('keeps quiz tries (negative levels) apart from exercise tries of the same content', () => {
    const log = memoryLogger();
    log.start(exercise);
    const practice = log.start({ ...exercise, mastery_model: { type: 'quiz' } }, 'u1', -42);
    expect(practice.mastery).toMatchObject({ mastery_level: -42, mastery_criterion: { type: 'quiz' } });
  });

  it('refuses to resume a submitted coach quiz (403) but repeat starts a new try', () => {
    const log = memoryLogger();
    const quiz = log.start({ quiz_id: 'q1' });
    expect(quiz.summary).toMatchObject({ content_id: 'q1', kind: 'quiz', channel_id: null });
    log.update(quiz.session.id, { progress: 1 });
    expect(() => log.start({ quiz_id: 'q1' })).toThrow(expect.objectContaining({ status: 403 }));
    expect(log.start({ quiz_id: 'q1', repeat: true }, 'u1', -9).mastery).toMatchObject({ mastery_level: -9, complete: false });
  });
});

describe('session update (Kolibri _update_session and _update_or_create_attempts)', () => {
  it('rounds progress up, completes the try with the summary, and refuses a submitted coach quiz (403)', () => {
    const log = memoryLogger();
    const quiz = log.start({ quiz_id: 'q1' });
    expect(log.update(quiz.session.id, { progress_delta: 0.3331 }).summary.progress).toBe(0.334);
    const submitted = log.update(quiz.session.id, { progress: 1, interactions: [answer('x', 1, { replace: true })] });
    expect(submitted.mastery).toMatchObject({ complete: true, completion_timestamp: expect.any(String) });
    expect(() => log.update(quiz.session.id, { time_spent_delta: 3 })).toThrow(LoggerError);
  });

  it('keeps the first correctness on a retry, marks complete and error sticky, records typed history', () => {
    const log = memoryLogger();
    const s = log.start(exercise).session.id;
    const [wrong] = log.update(s, { interactions: [answer('q1', 0)] }).attempts;
    const retry = log.update(s, { interactions: [answer('q1', 1, { id: wrong?.id })] }).attempts[0];
    expect(retry).toMatchObject({ id: wrong?.id, correct: 0, complete: true, interaction_history: [{ type: 'answer', correct: 0 }, { type: 'answer', correct: 1 }] });
    const errored = log.update(s, { interactions: [{ item: 'q2', correct: 0, time_spent: 1, error: true, complete: true }] }).attempts[0];
    expect(errored).toMatchObject({ error: true, answer: {}, interaction_history: [{ type: 'error' }] });
    const later = log.update(s, { interactions: [answer('q2', 1, { id: errored?.id })] }).attempts[0];
    expect(later).toMatchObject({ error: true, correct: 0 });
  });

  it('a hint before answering records a hinted attempt worth 0; a hint on a correct attempt is not recorded', () => {
    const log = memoryLogger();
    const s = log.start(exercise).session.id;
    const [hinted] = log.update(s, { interactions: [{ item: 'q1', correct: 0, time_spent: 2, hinted: true, answer: { shown: 'x' } }] }).attempts;
    expect(hinted).toMatchObject({ hinted: true, correct: 0, complete: false, interaction_history: [{ type: 'hint', answer: { shown: 'x' } }] });
    const [right] = log.update(s, { interactions: [answer('q2', 1)] }).attempts;
    expect(log.update(s, { interactions: [answer('q2', 0, { id: right?.id, hinted: true })] }).attempts[0]).toMatchObject({ hinted: false, correct: 1 });
  });

  it('groups consecutive interactions per item and replaces only with replace', () => {
    const log = memoryLogger();
    const s = log.start(exercise).session.id;
    const plan = log.update(s, { interactions: [answer('q1', 1, { hinted: true }), { item: 'q1', correct: 0, time_spent: 20, error: true, replace: true }] });
    expect(plan.attempts).toHaveLength(1);
    expect(plan.attempts[0]).toMatchObject({ correct: 0, hinted: true, error: true, time_spent: 20, interaction_history: [{ type: 'hint' }, { type: 'error' }] });
    const replaced = log.update(s, { interactions: [answer('q1', 1, { replace: true })] });
    expect(replaced.created).toEqual([false]);
    expect(replaced.mastery).toMatchObject({ correct: 1, attempt_count: 1 });
  });

  it('refuses an unknown attempt id and interactions on a non-assessment session (400)', () => {
    const log = memoryLogger();
    const s = log.start(exercise).session.id;
    expect(() => log.update(s, { interactions: [answer('q1', 1, { id: 'nope' })] })).toThrow(expect.objectContaining({ status: 400 }));
    const video = log.start({ node_id: 'v', content_id: 'v', channel_id: 'ch', kind: 'video' }).session.id;
    expect(() => log.update(video, { interactions: [answer('q1', 1)] })).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('a retry without replace never changes an attempt\'s correctness (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.record({ correct: fc.double({ min: 0, max: 1, noNaN: true }), hinted: fc.boolean(), error: fc.boolean() }), { maxLength: 6 }), (first, retries) => {
        const log = memoryLogger();
        const s = log.start(exercise).session.id;
        const [made] = log.update(s, { interactions: [answer('q', first)] }).attempts;
        for (const r of retries) log.update(s, { interactions: [{ item: 'q', id: made?.id, time_spent: 1, answer: {}, ...r }] });
        const stored = log.attempts.get(made?.id ?? '');
        return stored?.correct === first && stored.interaction_history.length === retries.length + 1;
      }),
    );
  });
});
