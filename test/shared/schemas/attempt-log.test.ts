import { describe, expect, it } from 'vitest';
import {
  attemptLogSchema,
  attemptSummarySchema,
  listAttemptLogsQuerySchema,
} from '../../../shared/schemas/attempt-log';
import { attemptLogQueryString } from './fixtures/progress-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

const attemptLog = {
  id: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
  item: 'q1:abc',
  start_timestamp: '2025-01-15T10:00:00Z',
  end_timestamp: '2025-01-15T10:00:42Z',
  completion_timestamp: '2025-01-15T10:00:42Z',
  time_spent: 42,
  complete: true,
  correct: 1,
  hinted: false,
  answer: { response: '4' },
  simple_answer: '4',
  interaction_history: [{ type: 'answer', answer: { response: '4' }, correct: 1 }],
  error: false,
  user: 'user-uuid',
  masterylog: 'masterylog-uuid',
  sessionlog: 'sessionlog-uuid',
};

function query(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

describe('attemptLogSchema', () => {
  it('accepts a complete attempt and one still open', () => {
    expect(attemptLogSchema.parse(attemptLog)).toEqual(attemptLog);
    const open = { ...attemptLog, complete: false, completion_timestamp: null };
    expect(attemptLogSchema.parse(open)).toEqual(open);
  });

  it('rejects correctness outside 0..1 and a missing item', () => {
    expect(rejectionPaths(attemptLogSchema, { ...attemptLog, correct: 2 })).toEqual(['correct']);
    const { item: _omitted, ...withoutItem } = attemptLog;
    expect(rejectionPaths(attemptLogSchema, withoutItem)).toEqual(['item']);
  });
});

describe('attemptSummarySchema', () => {
  it('accepts a partial attempt that has item and correct', () => {
    expect(attemptSummarySchema.parse({ item: 'q1', correct: 0.5 })).toEqual({ item: 'q1', correct: 0.5 });
  });

  it('rejects one without correct', () => {
    expect(rejectionPaths(attemptSummarySchema, { item: 'q1', complete: true })).toEqual(['correct']);
  });
});

describe('listAttemptLogsQuerySchema', () => {
  it('parses the seed query string', () => {
    expect(listAttemptLogsQuerySchema.parse(query(attemptLogQueryString))).toEqual({ masterylog: 'masterylog-uuid' });
  });

  it('coerces booleans and integers from text', () => {
    expect(listAttemptLogsQuerySchema.parse(query('complete=false&mastery_level=-2&page_size=50'))).toEqual({
      complete: false,
      mastery_level: -2,
      page_size: 50,
    });
  });

  it('rejects loose boolean spellings and bad numbers on their keys', () => {
    expect(rejectionPaths(listAttemptLogsQuerySchema, query('complete=yes'))).toEqual(['complete']);
    expect(rejectionPaths(listAttemptLogsQuerySchema, query('mastery_level=1.5&page_size=0'))).toEqual([
      'mastery_level',
      'page_size',
    ]);
  });
});
