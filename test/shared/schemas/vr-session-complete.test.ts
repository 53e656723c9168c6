import { describe, expect, it } from 'vitest';
import {
  completeVrSessionRequestSchema,
  completeVrSessionResponseSchema,
  PASSING_SCORE,
  SCORE_MAX,
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
