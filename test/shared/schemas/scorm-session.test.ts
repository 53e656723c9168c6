import { describe, expect, it } from 'vitest';
import {
  listScormSessionsQuerySchema,
  listScormSessionsResponseSchema,
  scormSessionSchema,
  updateScormSessionRequestSchema,
  updateScormSessionResponseSchema,
} from '../../../shared/schemas/scorm-session';
import { sessionResponse, updateRequest } from './fixtures/scorm-seed-examples';
import { rejectionPaths } from './fixtures/rejection';

describe('scormSessionSchema', () => {
  it('parses the seed GET example unchanged', () => {
    expect(scormSessionSchema.parse(sessionResponse)).toEqual(sessionResponse);
  });

  it('accepts a session before any score, with score null, absent or partial', () => {
    const fresh = { ...sessionResponse, cmi_data: {}, completion_status: 'not attempted', time_spent_seconds: 0 };
    expect(scormSessionSchema.safeParse({ ...fresh, score: null }).success).toBe(true);
    const { score: _omitted, ...withoutScore } = fresh;
    expect(scormSessionSchema.safeParse(withoutScore).success).toBe(true);
    expect(scormSessionSchema.safeParse({ ...fresh, score: { raw: 40, scaled: null } }).success).toBe(true);
  });

  it('rejects statuses outside the documented sets', () => {
    expect(rejectionPaths(scormSessionSchema, { ...sessionResponse, completion_status: 'passed' })).toEqual([
      'completion_status',
    ]);
    expect(rejectionPaths(scormSessionSchema, { ...sessionResponse, success_status: 'incomplete' })).toEqual([
      'success_status',
    ]);
  });

  it('rejects non-string CMI values and a non-uuid tenant', () => {
    const numericCmi = { ...sessionResponse, cmi_data: { 'cmi.core.score.raw': 75 } };
    expect(rejectionPaths(scormSessionSchema, numericCmi)).toEqual(['cmi_data.cmi.core.score.raw']);
    expect(rejectionPaths(scormSessionSchema, { ...sessionResponse, tenant_id: 'acme' })).toEqual(['tenant_id']);
  });

  it('rejects a scaled score outside -1..1 and a fractional version', () => {
    const badScore = { ...sessionResponse, score: { ...sessionResponse.score, scaled: 75 } };
    expect(rejectionPaths(scormSessionSchema, badScore)).toEqual(['score.scaled']);
    expect(rejectionPaths(scormSessionSchema, { ...sessionResponse, version: 3.5 })).toEqual(['version']);
  });
});

describe('updateScormSessionRequestSchema', () => {
  it('parses the seed PUT body unchanged', () => {
    expect(updateScormSessionRequestSchema.parse(updateRequest)).toEqual(updateRequest);
  });

  it('needs only the version', () => {
    expect(updateScormSessionRequestSchema.parse({ version: 0 })).toEqual({ version: 0 });
  });

  it('rejects a body without version, since optimistic locking depends on it', () => {
    const { version: _omitted, ...withoutVersion } = updateRequest;
    expect(rejectionPaths(updateScormSessionRequestSchema, withoutVersion)).toEqual(['version']);
  });

  it('rejects a session_time that is not an ISO 8601 duration', () => {
    expect(rejectionPaths(updateScormSessionRequestSchema, { version: 3, session_time: '00:20:45' })).toEqual([
      'session_time',
    ]);
  });
});

describe('updateScormSessionResponseSchema', () => {
  it('is the updated session', () => {
    expect(updateScormSessionResponseSchema.parse({ ...sessionResponse, version: 4 }).version).toBe(4);
  });
});

describe('listScormSessionsQuerySchema', () => {
  it('parses the seed resume query', () => {
    const query = Object.fromEntries(new URLSearchParams('package_id=pkg_abc123&user_id=user-123'));
    expect(listScormSessionsQuerySchema.parse(query)).toEqual({ package_id: 'pkg_abc123', user_id: 'user-123' });
  });

  it('rejects an empty filter value', () => {
    expect(rejectionPaths(listScormSessionsQuerySchema, { user_id: '' })).toEqual(['user_id']);
  });
});

describe('listScormSessionsResponseSchema', () => {
  it('parses a list of seed sessions and points at a broken one', () => {
    expect(listScormSessionsResponseSchema.parse({ sessions: [sessionResponse] })).toEqual({
      sessions: [sessionResponse],
    });
    const broken = { sessions: [{ ...sessionResponse, updated_at: 'later' }] };
    expect(rejectionPaths(listScormSessionsResponseSchema, broken)).toEqual(['sessions.0.updated_at']);
  });
});
