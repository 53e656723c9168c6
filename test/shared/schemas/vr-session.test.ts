import { describe, expect, it } from 'vitest';
import {
  createVrSessionRequestSchema,
  createVrSessionResponseSchema,
  DEFAULT_COMPLETION_MODE,
  listVrSessionsQuerySchema,
  listVrSessionsResponseSchema,
  vrSessionReplySchema,
  vrSessionSchema,
} from '../../../shared/schemas/vr-session';
import {
  ACTIVITY_ID,
  createSessionCurlBody,
  createSessionRequest,
  createSessionResponse,
  listSessionsResponse,
  PACKAGE_ID,
} from './fixtures/vr-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

const seedSession = listSessionsResponse.sessions[0]!;

describe('vrSessionSchema', () => {
  it('parses the seed GET example unchanged', () => {
    expect(vrSessionSchema.parse(seedSession)).toEqual(seedSession);
  });

  it('accepts a completed, scored session without an activity', () => {
    const completed = {
      ...seedSession,
      activity_id: null,
      status: 'completed',
      first_launch_at: '2025-01-15T10:06:00Z',
      completed_at: '2025-01-15T11:30:00+08:00',
      score: { raw: 85, max: 100, scaled: 0.85 },
      success_status: 'passed',
      time_spent_seconds: 1800,
      self_reported: true,
    };
    expect(vrSessionSchema.parse(completed)).toEqual(completed);
  });

  it('requires every field of the GET example', () => {
    const { first_launch_at: _omitted, ...withoutLaunch } = seedSession;
    expect(rejectionPaths(vrSessionSchema, withoutLaunch)).toEqual(['first_launch_at']);
  });

  it('rejects values outside the documented enums on their paths', () => {
    expect(rejectionPaths(vrSessionSchema, { ...seedSession, status: 'paused' })).toEqual(['status']);
    expect(rejectionPaths(vrSessionSchema, { ...seedSession, completion_mode: 'foo' })).toEqual(['completion_mode']);
    expect(rejectionPaths(vrSessionSchema, { ...seedSession, success_status: 'unknown' })).toEqual(['success_status']);
  });

  it('rejects a scaled score above 1 and timestamps without an offset', () => {
    expect(
      rejectionPaths(vrSessionSchema, { ...seedSession, score: { raw: 85, max: 100, scaled: 85 } }),
    ).toEqual(['score.scaled']);
    expect(rejectionPaths(vrSessionSchema, { ...seedSession, created_at: '2025-01-15 10:00:00' })).toEqual([
      'created_at',
    ]);
  });
});

describe('vrSessionReplySchema', () => {
  it('accepts the abbreviated session of the create example that the full schema refuses', () => {
    expect(vrSessionReplySchema.safeParse(createSessionResponse.session).success).toBe(true);
    expect(vrSessionSchema.safeParse(createSessionResponse.session).success).toBe(false);
  });

  it('still requires the fields every reply shows', () => {
    const { status: _omitted, ...withoutStatus } = createSessionResponse.session;
    expect(rejectionPaths(vrSessionReplySchema, withoutStatus)).toEqual(['status']);
  });
});

describe('createVrSessionRequestSchema', () => {
  it('parses both seed request bodies', () => {
    expect(createVrSessionRequestSchema.parse(createSessionRequest)).toEqual(createSessionRequest);
    expect(createVrSessionRequestSchema.parse(createSessionCurlBody)).toEqual(createSessionCurlBody);
  });

  it('defaults completion_mode to self_report', () => {
    expect(DEFAULT_COMPLETION_MODE).toBe('self_report');
    expect(createVrSessionRequestSchema.parse({ package_id: PACKAGE_ID })).toEqual({
      package_id: PACKAGE_ID,
      completion_mode: 'self_report',
    });
  });

  it('rejects a missing package, a non-uuid activity and an unknown mode', () => {
    expect(rejectionPaths(createVrSessionRequestSchema, { activity_id: ACTIVITY_ID })).toEqual(['package_id']);
    expect(rejectionPaths(createVrSessionRequestSchema, { package_id: PACKAGE_ID, activity_id: 'abc123' })).toEqual([
      'activity_id',
    ]);
    expect(rejectionPaths(createVrSessionRequestSchema, { package_id: PACKAGE_ID, completion_mode: 'foo' })).toEqual([
      'completion_mode',
    ]);
  });
});

describe('createVrSessionResponseSchema', () => {
  it('parses the seed 201 example and the 200 existing-session message', () => {
    expect(createVrSessionResponseSchema.parse(createSessionResponse)).toEqual(createSessionResponse);
    const existing = { session: seedSession, message: 'Existing session returned' };
    expect(createVrSessionResponseSchema.safeParse(existing).success).toBe(true);
  });

  it('rejects any other message', () => {
    expect(rejectionPaths(createVrSessionResponseSchema, { ...createSessionResponse, message: 'Created' })).toEqual([
      'message',
    ]);
  });
});

describe('listVrSessionsQuerySchema', () => {
  it('accepts no filters or uuid filters', () => {
    expect(listVrSessionsQuerySchema.parse({})).toEqual({});
    expect(listVrSessionsQuerySchema.parse({ package_id: PACKAGE_ID })).toEqual({ package_id: PACKAGE_ID });
  });

  it('rejects non-uuid filters', () => {
    expect(rejectionPaths(listVrSessionsQuerySchema, { package_id: 'abc123', activity_id: '' })).toEqual([
      'package_id',
      'activity_id',
    ]);
  });
});

describe('listVrSessionsResponseSchema', () => {
  it('parses the seed example and reports a bad session by index', () => {
    expect(listVrSessionsResponseSchema.parse(listSessionsResponse)).toEqual(listSessionsResponse);
    const bad = { sessions: [seedSession, { ...seedSession, attempts: -1 }] };
    expect(rejectionPaths(listVrSessionsResponseSchema, bad)).toEqual(['sessions.1.attempts']);
  });
});
