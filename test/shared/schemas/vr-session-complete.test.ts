import { describe, expect, it } from 'vitest';
import {
  completeVrSessionRequestSchema,
  completeVrSessionResponseSchema,
  NOTES_MAX_LENGTH,
  PASSING_SCORE,
  SCORE_MAX,
  TIME_SPENT_MAX_MINUTES,
} from '../../../shared/schemas/vr-session-complete';
import { completeCurlBody, completeRequest, completeResponse } from './fixtures/vr-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

describe('constants', () => {
  it('follow the seed score handling', () => {
    expect(SCORE_MAX).toBe(100);
    expect(PASSING_SCORE).toBe(70);
  });
});

describe('completeVrSessionRequestSchema', () => {
  it('parses the seed bodies, including the empty self-report body', () => {
    expect(completeVrSessionRequestSchema.parse(completeRequest)).toEqual(completeRequest);
    expect(completeVrSessionRequestSchema.parse(completeCurlBody)).toEqual(completeCurlBody);
    expect(completeVrSessionRequestSchema.parse({})).toEqual({});
  });

  it('accepts the score bounds and fractional values', () => {
    for (const score of [0, 69.5, 100]) {
      expect(completeVrSessionRequestSchema.safeParse({ score }).success).toBe(true);
    }
    expect(completeVrSessionRequestSchema.safeParse({ time_spent_minutes: 0.5 }).success).toBe(true);
  });

  it('rejects a score outside 0..100', () => {
    expect(rejectionPaths(completeVrSessionRequestSchema, { score: 101 })).toEqual(['score']);
    expect(rejectionPaths(completeVrSessionRequestSchema, { score: -1 })).toEqual(['score']);
    expect(rejectionPaths(completeVrSessionRequestSchema, { score: '85' })).toEqual(['score']);
  });

  it('rejects negative time', () => {
    expect(rejectionPaths(completeVrSessionRequestSchema, { time_spent_minutes: -5 })).toEqual([
      'time_spent_minutes',
    ]);
  });

  it('accepts at most a day of time spent', () => {
    expect(TIME_SPENT_MAX_MINUTES).toBe(1440);
    expect(completeVrSessionRequestSchema.safeParse({ time_spent_minutes: 1440 }).success).toBe(true);
    expect(rejectionPaths(completeVrSessionRequestSchema, { time_spent_minutes: 1440.5 })).toEqual(['time_spent_minutes']);
    expect(rejectionPaths(completeVrSessionRequestSchema, { time_spent_minutes: 1e308 })).toEqual(['time_spent_minutes']);
  });

  it('accepts only finite numbers: JSON 1e400 parses to Infinity and is refused', () => {
    const hostile = JSON.parse('{"score": 1e400, "time_spent_minutes": -1e400}') as unknown;
    expect(rejectionPaths(completeVrSessionRequestSchema, hostile)).toEqual(['score', 'time_spent_minutes']);
    expect(rejectionPaths(completeVrSessionRequestSchema, { score: Number.NaN })).toEqual(['score']);
  });

  it('counts notes in characters (code points), so emoji at the limit pass and one more is refused', () => {
    const emoji = '😀'.repeat(NOTES_MAX_LENGTH);
    expect(emoji.length).toBe(2 * NOTES_MAX_LENGTH);
    expect(completeVrSessionRequestSchema.safeParse({ notes: emoji }).success).toBe(true);
    const over = completeVrSessionRequestSchema.safeParse({ notes: `${emoji}a` });
    expect(over.success).toBe(false);
    expect(over.error?.issues).toEqual([expect.objectContaining({ code: 'too_big', path: ['notes'], maximum: NOTES_MAX_LENGTH })]);
  });

  it('accepts 1000 characters of notes and rejects 1001', () => {
    expect(completeVrSessionRequestSchema.safeParse({ notes: 'n'.repeat(1000) }).success).toBe(true);
    expect(rejectionPaths(completeVrSessionRequestSchema, { notes: 'n'.repeat(1001) })).toEqual(['notes']);
  });
});

describe('completeVrSessionResponseSchema', () => {
  it('parses the seed 200 example', () => {
    expect(completeVrSessionResponseSchema.parse(completeResponse)).toEqual(completeResponse);
  });

  it('rejects a session whose score is not an object', () => {
    const bad = { ...completeResponse, session: { ...completeResponse.session, score: 85 } };
    expect(rejectionPaths(completeVrSessionResponseSchema, bad)).toEqual(['session.score']);
  });

  it('rejects another message', () => {
    expect(rejectionPaths(completeVrSessionResponseSchema, { ...completeResponse, message: 'done' })).toEqual([
      'message',
    ]);
  });
});
