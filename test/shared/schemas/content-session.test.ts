import { describe, expect, it } from 'vitest';
import {
  interactionSchema,
  startContentSessionRequestSchema,
  startContentSessionResponseSchema,
  updateContentSessionRequestSchema,
  updateContentSessionResponseSchema,
} from '../../../shared/schemas/content-session';
import { startSessionRequest, updateSessionRequest } from './fixtures/progress-seed-examples';
import { rejectionMessages, rejectionPaths } from './fixtures/rejection';

describe('startContentSessionRequestSchema', () => {
  it('parses the seed body and defaults repeat to false', () => {
    expect(startContentSessionRequestSchema.parse(startSessionRequest)).toEqual({
      ...startSessionRequest,
      repeat: false,
    });
  });

  it('accepts a coach-assigned quiz without a node', () => {
    const quiz = { quiz_id: 'exam-uuid', mastery_model: { type: 'quiz', coach_assigned: true }, repeat: true };
    expect(startContentSessionRequestSchema.parse(quiz)).toEqual(quiz);
  });

  it('requires node_id unless quiz_id is given, with a clear message', () => {
    const { node_id: _omitted, ...withoutNode } = startSessionRequest;
    expect(rejectionPaths(startContentSessionRequestSchema, withoutNode)).toEqual(['node_id']);
    expect(rejectionMessages(startContentSessionRequestSchema, withoutNode)).toEqual([
      'node_id is required unless quiz_id is provided',
    ]);
  });

  it('requires a mastery model for exercises', () => {
    const exercise = { ...startSessionRequest, kind: 'exercise' };
    expect(rejectionPaths(startContentSessionRequestSchema, exercise)).toEqual(['mastery_model']);
    const withModel = { ...exercise, mastery_model: { type: 'm_of_n', m: 3, n: 5 } };
    expect(startContentSessionRequestSchema.safeParse(withModel).success).toBe(true);
  });

  it('rejects an unknown kind and a bad mastery model on their paths', () => {
    expect(rejectionPaths(startContentSessionRequestSchema, { ...startSessionRequest, kind: 'slideshow' })).toEqual([
      'kind',
    ]);
    const badModel = { ...startSessionRequest, kind: 'exercise', mastery_model: { type: 'm_of_n', m: 6, n: 5 } };
    expect(rejectionPaths(startContentSessionRequestSchema, badModel)).toEqual(['mastery_model.m']);
  });
});

describe('startContentSessionResponseSchema', () => {
  const video = {
    session_id: 'session-uuid',
    context: { node_id: 'content-node-uuid' },
    progress: 0.25,
    time_spent: 30,
    extra_fields: {},
    complete: false,
  };

  it('accepts a plain resource reply and an exercise reply', () => {
    expect(startContentSessionResponseSchema.parse(video)).toEqual(video);
    const exercise = {
      ...video,
      context: { node_id: 'content-node-uuid', lesson_id: 'lesson-uuid', mastery_level: 2 },
      mastery_criterion: { type: 'num_correct_in_a_row_5' },
      pastattempts: [{ item: 'q1', correct: 1, complete: true, time_spent: 10 }],
      totalattempts: 7,
    };
    expect(startContentSessionResponseSchema.parse(exercise)).toEqual(exercise);
  });

  it('rejects progress above 1 and a fractional attempt count', () => {
    expect(rejectionPaths(startContentSessionResponseSchema, { ...video, progress: 1.5 })).toEqual(['progress']);
    expect(rejectionPaths(startContentSessionResponseSchema, { ...video, totalattempts: 2.5 })).toEqual([
      'totalattempts',
    ]);
  });
});

describe('interactionSchema', () => {
  it('fills the documented defaults', () => {
    expect(interactionSchema.parse({ item: 'q1', correct: 1, time_spent: 12, answer: { response: '4' } })).toEqual({
      item: 'q1',
      correct: 1,
      time_spent: 12,
      answer: { response: '4' },
      complete: false,
      error: false,
      hinted: false,
      replace: false,
    });
  });

  it('keeps the optional fields', () => {
    const full = {
      item: 'q1',
      correct: 0,
      time_spent: 3,
      complete: true,
      answer: { response: '5' },
      simple_answer: '5',
      error: false,
      hinted: true,
      replace: true,
      id: 'attempt-uuid',
    };
    expect(interactionSchema.parse(full)).toEqual(full);
  });

  it('rejects missing required fields and correctness above 1', () => {
    expect(rejectionPaths(interactionSchema, { correct: 1, answer: {} })).toEqual(['item', 'time_spent']);
    expect(rejectionPaths(interactionSchema, { item: 'q1', correct: 1.2, time_spent: 1, answer: {} })).toEqual(['correct']);
  });

  it('requires an answer unless the interaction reports an error (Kolibri)', () => {
    expect(rejectionPaths(interactionSchema, { item: 'q1', correct: 0, time_spent: 1 })).toEqual(['answer']);
    expect(interactionSchema.safeParse({ item: 'q1', correct: 0, time_spent: 1, error: true }).success).toBe(true);
  });
});

describe('updateContentSessionRequestSchema', () => {
  it('parses the seed body', () => {
    expect(updateContentSessionRequestSchema.parse(updateSessionRequest)).toEqual(updateSessionRequest);
  });

  it('accepts an absolute progress and interactions, with defaults applied inside', () => {
    const parsed = updateContentSessionRequestSchema.parse({
      progress: 1,
      interactions: [{ item: 'q1', correct: 1, time_spent: 5, answer: {} }],
    });
    expect(parsed.interactions?.[0]?.complete).toBe(false);
  });

  it('rejects progress and progress_delta together', () => {
    const both = { progress: 0.5, progress_delta: 0.25 };
    expect(rejectionPaths(updateContentSessionRequestSchema, both)).toEqual(['progress']);
    expect(rejectionMessages(updateContentSessionRequestSchema, both)).toEqual([
      'Send either progress or progress_delta, not both',
    ]);
  });

  it('rejects a delta above 1, negative time and a bad interaction on its index', () => {
    expect(rejectionPaths(updateContentSessionRequestSchema, { progress_delta: 1.5 })).toEqual(['progress_delta']);
    expect(rejectionPaths(updateContentSessionRequestSchema, { time_spent_delta: -1 })).toEqual(['time_spent_delta']);
    const badInteraction = { interactions: [{ item: 'q1', correct: 1, time_spent: 5, answer: {} }, { item: 'q2', correct: 1, answer: {} }] };
    expect(rejectionPaths(updateContentSessionRequestSchema, badInteraction)).toEqual(['interactions.1.time_spent']);
    const many = { interactions: Array.from({ length: 101 }, (_, i) => ({ item: `q${i}`, correct: 1, time_spent: 1, answer: {} })) };
    expect(rejectionPaths(updateContentSessionRequestSchema, many)).toEqual(['interactions']);
  });
});

describe('updateContentSessionResponseSchema', () => {
  it('accepts a reply with and without attempts', () => {
    expect(updateContentSessionResponseSchema.parse({ complete: false })).toEqual({ complete: false });
    const withAttempts = { complete: true, attempts: [{ id: 'a1', item: 'q1', correct: 1 }] };
    expect(updateContentSessionResponseSchema.parse(withAttempts)).toEqual(withAttempts);
  });

  it('requires complete', () => {
    expect(rejectionPaths(updateContentSessionResponseSchema, { attempts: [] })).toEqual(['complete']);
  });
});
