import { describe, expect, it } from 'vitest';
import { matchRemoteOperation } from '../../../../main/services/remote/match-operation';
import { REMOTE_OPERATIONS } from '../../../../main/services/remote/remote-operations';
import type { RemoteOperationName } from '../../../../main/services/remote/remote-operations';

const ID = '3f1c2b4a-0000-4000-8000-000000000001';
const statement = { id: ID, actor: { mbox: 'mailto:learner@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://example.org/xapi/vr/1' } };

/** One valid request per operation; a new operation without a sample fails the coverage test below. */
const SAMPLES: Record<RemoteOperationName, { method: string; path: string; body?: unknown }> = {
  'vr_session.create': { method: 'POST', path: '/api/vr-sessions', body: { package_id: ID } },
  'vr_session.complete': { method: 'POST', path: `/api/vr-sessions/${ID}/complete`, body: { score: 80 } },
  'vr_session.step': { method: 'PATCH', path: `/api/vr-sessions/${ID}`, body: { status: 'downloaded', download_started_at: '2026-03-02T09:00:00.000Z', download_completed_at: '2026-03-02T09:01:00.000Z', first_launch_at: null } },
  'xapi.statements': { method: 'POST', path: '/statements', body: [statement] },
  'scorm_session.launch': { method: 'POST', path: `/api/v1/packages/${ID}/launch`, body: { user_id: ID, session_id: 'session-456' } },
  'scorm_session.update': { method: 'PUT', path: '/api/v1/sessions/session-456', body: { version: 2, cmi_data: { 'cmi.core.lesson_status': 'passed' } } },
  'content_session.start': { method: 'POST', path: '/api/logger/contentsession', body: { node_id: 'abc123', content_id: 'abc123', channel_id: 'ch1', kind: 'video' } },
  'content_session.update': { method: 'PUT', path: '/api/logger/contentsession/0f3e2d', body: { progress: 0.5 } },
  'lesson_play.create': { method: 'POST', path: '/api/lesson-plays', body: { lessonId: 'lesson-1' } },
  'lesson_play.update': { method: 'PATCH', path: '/api/lesson-plays/AbC_12-x', body: { returnUrl: null } },
  'lesson_play.results': { method: 'PUT', path: '/api/lesson-plays/AbC_12-x/results', body: { sessions: [{ index: 0, grade: 'A', repCount: 10, targetRepCount: 12 }], completedAt: null } },
  'catalog.roster': { method: 'GET', path: '/api/roster' },
  'catalog.vr_packages': { method: 'GET', path: '/api/vr-packages' },
  'catalog.activities': { method: 'GET', path: '/api/activities' },
  'catalog.lessons': { method: 'GET', path: '/api/lessons' },
};

describe('matchRemoteOperation', () => {
  it('has a sample for every operation, and each names its own operation and path', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(REMOTE_OPERATIONS).sort());
    for (const [name, sample] of Object.entries(SAMPLES)) {
      expect(matchRemoteOperation(sample.method, sample.path, sample.body)).toEqual({ ok: true, operation: name, path: sample.path });
    }
  });

  it.each([
    '/api/%2e%2e/admin/users',
    '/api/vr-sessions/%2e%2e/%2e%2e/admin/users',
    '/api/vr-sessions/..%2f..%2fadmin%2fusers/complete',
    '/api/vr-sessions/%2E%2E/complete',
    '/api/../admin/users',
    '/api/./roster',
    '/api//roster',
    '/api/roster/',
    '//evil.example/api/roster',
    '/api/roster\\..\\admin',
    '/API/roster',
    '/api/roster#x',
    '/api/r%6fster',
    '/api/vr-sessions/a:b/complete',
    '/api/vr-sessions/user@evil/complete',
  ])('refuses the disguised path %s', (path) => {
    const method = path.includes('complete') ? 'POST' : 'GET';
    expect(matchRemoteOperation(method, path, method === 'POST' ? {} : undefined)).toMatchObject({ ok: false });
  });

  it.each([
    ['GET', '/admin/users'],
    ['GET', '/api/vr-sessions'],
    ['GET', '/api/lesson-plays'],
    ['GET', '/api/lesson-plays/abc'],
    ['GET', `/api/logger/totalcontentprogress/${ID}`],
    ['GET', '/api/logger/masterylog'],
    ['GET', '/api/logger/masterylog/1/diff'],
    ['GET', '/api/logger/attemptlog'],
    ['GET', '/api/v1/sessions'],
    ['GET', '/api/v1/sessions/session-456'],
    ['POST', '/api/v1/sessions/session-456/refresh-token'],
    ['GET', '/player/session-456'],
    ['GET', `/api/xapi/statements?statementId=${ID}`],
    ['DELETE', '/api/vr-sessions'],
    ['POST', '/api/roster'],
    ['GET', `/api/vr-sessions/${ID}/complete`],
    ['PUT', '/api/lesson-plays/abc'],
  ])('refuses %s %s, which is not in the table', (method, path) => {
    const result = matchRemoteOperation(method, path, undefined);
    expect(result.ok).toBe(false);
  });

  it('names the field when a body fails its operation schema', () => {
    expect(matchRemoteOperation('POST', '/api/vr-sessions', { package_id: 'nope' })).toEqual({ ok: false, reason: expect.stringMatching(/^vr_session\.create: package_id: /) });
    expect(matchRemoteOperation('POST', `/api/vr-sessions/${ID}/complete`, { score: 1000 })).toMatchObject({ ok: false, reason: expect.stringContaining('score') });
    expect(matchRemoteOperation('POST', '/statements', [{ verb: 'hello' }])).toMatchObject({ ok: false, reason: expect.stringContaining('xAPI') });
    expect(matchRemoteOperation('POST', '/api/vr-sessions', 'text')).toMatchObject({ ok: false });
    expect(matchRemoteOperation('GET', '/api/roster', { sneaky: true })).toEqual({ ok: false, reason: 'catalog.roster: takes no body' });
  });

  it('takes no query parameters on any operation, and no longer sends statements to the API', () => {
    for (const search of ['?', '?limit=5', `?statementId=${ID}`, '?a=1&a=2']) {
      expect(matchRemoteOperation('GET', `/api/roster${search}`, undefined)).toEqual({ ok: false, reason: 'catalog.roster: takes no query parameters' });
      expect(matchRemoteOperation('POST', `/api/vr-sessions${search}`, { package_id: ID })).toMatchObject({ ok: false });
    }
    expect(matchRemoteOperation('PUT', `/api/xapi/statements?statementId=${ID}`, statement)).toMatchObject({ ok: false, reason: expect.stringContaining('is not an operation Outpost sends') });
  });
});
