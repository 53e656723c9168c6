import { describe, expect, it } from 'vitest';
import {
  listMasteryLogsQuerySchema,
  masteryLogDiffParamsSchema,
  masteryLogDiffQuerySchema,
  masteryLogDiffResponseSchema,
  masteryLogSchema,
} from '../../../shared/schemas/mastery-log';
import { masteryLogQueryString } from './fixtures/progress-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

const masteryLog = {
  id: 'masterylog-uuid',
  mastery_criterion: { type: 'm_of_n', m: 3, n: 5 },
  start_timestamp: '2025-01-15T10:00:00Z',
  end_timestamp: '2025-01-15T10:05:00Z',
  completion_timestamp: null,
  complete: false,
  correct: 2,
  time_spent: 300,
};

function query(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

describe('masteryLogSchema', () => {
  it('accepts an unfinished log and a mastered one', () => {
    expect(masteryLogSchema.parse(masteryLog)).toEqual(masteryLog);
    const mastered = { ...masteryLog, complete: true, correct: 3, completion_timestamp: '2025-01-15T10:05:00Z' };
    expect(masteryLogSchema.parse(mastered)).toEqual(mastered);
  });

  it('rejects a fractional correct count and a bad criterion', () => {
    expect(rejectionPaths(masteryLogSchema, { ...masteryLog, correct: 2.5 })).toEqual(['correct']);
    const impossible = { ...masteryLog, mastery_criterion: { type: 'm_of_n', m: 9, n: 5 } };
    expect(rejectionPaths(masteryLogSchema, impossible)).toEqual(['mastery_criterion.m']);
  });
});

describe('listMasteryLogsQuerySchema', () => {
  it('parses the seed query string', () => {
    expect(listMasteryLogsQuerySchema.parse(query(masteryLogQueryString))).toEqual({
      content: 'content-uuid',
      user: 'user-uuid',
    });
  });

  it('coerces the boolean and integer filters', () => {
    const parsed = listMasteryLogsQuerySchema.parse(
      query(`${masteryLogQueryString}&complete=true&quiz=false&classroom=c1&page_size=25`),
    );
    expect(parsed).toEqual({
      content: 'content-uuid',
      user: 'user-uuid',
      complete: true,
      quiz: false,
      classroom: 'c1',
      page_size: 25,
    });
  });

  it('requires content and user', () => {
    expect(rejectionPaths(listMasteryLogsQuerySchema, query('complete=true'))).toEqual(['content', 'user']);
  });

  it('rejects malformed boolean and integer values', () => {
    expect(rejectionPaths(listMasteryLogsQuerySchema, query(`${masteryLogQueryString}&quiz=1&page_size=ten`)).sort()).toEqual(['page_size', 'quiz']);
    expect(rejectionPaths(listMasteryLogsQuerySchema, query(`${masteryLogQueryString}&page_size=1001`))).toEqual(['page_size']);
  });
});

describe('masteryLogDiff', () => {
  it('parses the seed diff request', () => {
    expect(masteryLogDiffParamsSchema.parse({ index: '0' })).toEqual({ index: 0 });
    expect(masteryLogDiffQuerySchema.parse(query(masteryLogQueryString))).toEqual({
      content: 'content-uuid',
      user: 'user-uuid',
    });
  });

  it('rejects a negative index', () => {
    expect(rejectionPaths(masteryLogDiffParamsSchema, { index: '-1' })).toEqual(['index']);
  });

  it('accepts a diff reply, with a null diff for the first attempt', () => {
    const reply = { ...masteryLog, diff: { correct: 1, time_spent: -20 }, attemptlogs: [] };
    expect(masteryLogDiffResponseSchema.parse(reply)).toEqual(reply);
    expect(masteryLogDiffResponseSchema.safeParse({ ...reply, diff: null }).success).toBe(true);
  });

  it('rejects a reply without attemptlogs', () => {
    expect(rejectionPaths(masteryLogDiffResponseSchema, { ...masteryLog, diff: null })).toEqual(['attemptlogs']);
  });
});
