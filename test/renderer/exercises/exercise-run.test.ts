import { beforeEach, describe, expect, it } from 'vitest';
import type { PlayableExercise, PlayableQuiz } from '../../../shared/exercises/exercise-schema';
import { applyUpdate, interactionUpdate, nextQuestion, runFromStart, runState } from '../../../renderer/src/exercises/exercise-run';
import type { ExerciseRun } from '../../../renderer/src/exercises/exercise-run';
import { applyQuizUpdate, quizAnswerUpdate, quizFromStart, quizScore, quizSubmitUpdate } from '../../../renderer/src/exercises/quiz-run';
import { SAMPLE_EXERCISES } from '../../../renderer/src/exercises/sample-exercises';
import { createLoggerClient } from '../../../renderer/src/local-server/logger-client';
import type { LoggerClient } from '../../../renderer/src/local-server/logger-client';
import { ALICE, createApiFixture } from '../../support/local-api-fixture';
import type { ApiFixture } from '../../support/local-api-fixture';

const fractions = SAMPLE_EXERCISES.find((f): f is PlayableExercise => f.kind === 'exercise' && f.assessmentmetadata.mastery_model.type === 'm_of_n' && f.assessmentmetadata.mastery_model.m === 3) as PlayableExercise;
const quiz = SAMPLE_EXERCISES.find((f): f is PlayableQuiz => f.kind === 'quiz') as PlayableQuiz;

let fixture: ApiFixture;
let client: LoggerClient;
beforeEach(async () => {
  fixture = await createApiFixture();
  client = createLoggerClient(fixture.api, await fixture.token(ALICE));
});

async function start(repeat = false): Promise<ExerciseRun> {
  const { node_id, content_id, channel_id, assessmentmetadata } = fractions;
  const result = await client.start({ node_id, content_id, channel_id, kind: 'exercise', mastery_model: assessmentmetadata.mastery_model, repeat });
  if (!result.ok) throw new Error(result.message);
  return runFromStart(result.value, fractions, ALICE);
}

async function send(run: ExerciseRun, event: Parameters<typeof interactionUpdate>[1]): Promise<ExerciseRun> {
  const body = interactionUpdate(run, event, 12);
  const result = await client.update(run.sessionId, body);
  if (!result.ok) throw new Error(result.message);
  return applyUpdate(run, body, result.value);
}
const answer = (correct: 0 | 1) => ({ kind: 'answer' as const, correct, answer: { 'radio 1': { selectedChoiceIds: ['x'] } }, simpleAnswer: 'x' });

describe('an exercise played through the local logger API', () => {
  it('masters 3 of the last 5: progress text numbers, the next question by the engine, and the stored try', async () => {
    let run = await start();
    expect(run.current.item).toBe('fractions-largest');
    expect(runState(run)).toMatchObject({ windowCorrect: 0, window: 5, remaining: 3, progress: 0 });
    for (const correct of [1, 0, 1] as const) {
      run = await send(run, answer(correct));
      if (correct === 0) run = await send(run, answer(1)); // the retry completes the question without changing its score
      expect(run.current.solved).toBe(true);
      run = nextQuestion(run);
    }
    expect(run.current.item).toBe('fractions-add');
    expect(runState(run)).toMatchObject({ windowCorrect: 2, remaining: 1, mastered: false });
    expect(run.progress).toBeCloseTo(0.667, 3);
    run = await send(run, answer(1));
    expect(run.complete).toBe(true);
    expect(runState(run)).toMatchObject({ windowCorrect: 3, mastered: true, remaining: 0 });

    const tries = await client.masteryLogs({ content: fractions.content_id, user: ALICE });
    expect(tries.ok && tries.value.map((t) => ({ complete: t.complete, correct: t.correct }))).toEqual([{ complete: true, correct: 3 }]);
    const attempts = await fixture.db.attemptLogs.toArray();
    expect(attempts.map((a) => [a.item, a.correct, a.interaction_history.length]).sort()).toEqual([
      ['fractions-add', 1, 1],
      ['fractions-half', 0, 2],
      ['fractions-largest', 1, 1],
      ['fractions-smallest', 1, 1],
    ]);
  });

  it('counts a hint taken before answering as not correct, as Kolibri does, and a later hint not at all', async () => {
    let run = await start();
    run = await send(run, { kind: 'hint', answer: {} });
    run = await send(run, answer(1));
    expect(run.pastattempts[0]).toMatchObject({ item: 'fractions-largest', correct: 0, hinted: true, complete: true });
    run = nextQuestion(run);
    run = await send(run, answer(1));
    run = await send(run, { kind: 'hint', answer: {} });
    expect(run.pastattempts[0]).toMatchObject({ item: 'fractions-half', correct: 1, hinted: false });
    expect(runState(run)).toMatchObject({ windowCorrect: 1, remaining: 2 });
  });

  it('resumes an unfinished question after signing out, with the past attempts and progress restored', async () => {
    let run = await start();
    run = await send(run, answer(1));
    run = await send(nextQuestion(run), answer(0));
    const again = await start();
    expect(again.current).toEqual({ item: 'fractions-half', attemptId: run.current.attemptId, solved: false });
    expect(again.pastattempts.map((a) => a.correct)).toEqual([0, 1]);
    expect(again.progress).toBe(run.progress);
    expect(runState(again)).toMatchObject({ windowCorrect: 1, remaining: 2 });
  });
});

describe('a coach quiz played through the local logger API', () => {
  it('saves replaceable answers, completes only on submit, then refuses updates and resumes with 403', async () => {
    const opened = await client.start({ quiz_id: quiz.quiz_id });
    if (!opened.ok) throw new Error(opened.message);
    let run = quizFromStart(opened.value, quiz.assessment_item_ids);
    for (const [item, correct] of [['quiz-largest', 0], ['quiz-largest', 1], ['quiz-add', 1]] as const) {
      const body = quizAnswerUpdate(run, item, { correct, answer: {}, simpleAnswer: '' }, 5);
      const reply = await client.update(run.sessionId, body);
      if (!reply.ok) throw new Error(reply.message);
      run = applyQuizUpdate(run, body, reply.value);
    }
    expect(run.submitted).toBe(false);
    expect(quizScore(run)).toEqual({ correct: 2, total: 3 });
    expect(await fixture.db.attemptLogs.count()).toBe(2);
    const submitBody = quizSubmitUpdate(run);
    const submitted = await client.update(run.sessionId, submitBody);
    expect(submitted.ok && submitted.value.complete).toBe(true);

    const late = await client.update(run.sessionId, quizAnswerUpdate(run, 'quiz-sun', { correct: 1, answer: {}, simpleAnswer: '' }, 5));
    expect(late).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(await client.start({ quiz_id: quiz.quiz_id })).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN' });
    expect(await fixture.db.attemptLogs.count()).toBe(2);
  });
});
