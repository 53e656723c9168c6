import { describe, expect, it } from 'vitest';
import type { OutboxRow } from '../../../renderer/src/db/rows';
import { classifyResult } from '../../../renderer/src/sync/classify-result';

const op = (kind: string): OutboxRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  idempotency_key: '00000000-0000-4000-8000-000000000002',
  kind,
  entity_id: 'e',
  method: 'POST',
  path: '/x',
  body: {},
  acting_user_id: null,
  depends_on: [],
  status: 'in_flight',
  attempts: 0,
  next_attempt_at: '2026-03-02T09:00:00.000Z',
  last_error: null,
  created_at: '2026-03-02T09:00:00.000Z',
  updated_at: '2026-03-02T09:00:00.000Z',
});
const session = { id: '7e307e00-0000-4000-8000-000000000001', package_id: '7e307e00-0000-4000-8000-000000000002', status: 'completed', completion_mode: 'self_report', package: { id: '7e307e00-0000-4000-8000-000000000002', title: 'T', version: '1', target_platforms: ['quest3'] } };

describe('classifyResult', () => {
  it('a repeated completion answered 409 ALREADY_COMPLETED (instead of the seed’s 400) is delivered', () => {
    expect(classifyResult(op('vr_session.complete'), { kind: 'response', status: 409, body: { code: 'ALREADY_COMPLETED', error: 'Session is already completed' } })).toEqual({ kind: 'done', remoteId: null });
    expect(classifyResult(op('vr_session.complete'), { kind: 'response', status: 400, body: { code: 'ALREADY_COMPLETED', error: 'x' } })).toEqual({ kind: 'done', remoteId: null });
  });

  it('a completion answered 409 with no code, or a code the seed does not define, is delivered; the seed’s other codes are refusals', () => {
    const complete = op('vr_session.complete');
    expect(classifyResult(complete, { kind: 'response', status: 409, body: { error: 'Conflict' } })).toEqual({ kind: 'done', remoteId: null });
    expect(classifyResult(complete, { kind: 'response', status: 409, body: null })).toEqual({ kind: 'done', remoteId: null });
    expect(classifyResult(complete, { kind: 'response', status: 409, body: { error: 'dup', code: 'DUPLICATE' } })).toEqual({ kind: 'done', remoteId: null });
    expect(classifyResult(complete, { kind: 'response', status: 409, body: { error: 'no', code: 'INVALID_TRANSITION' } })).toMatchObject({ kind: 'dead', status: 409, code: 'INVALID_TRANSITION' });
    // Only a completion: a bare 409 on a create, or a bare 400 on a completion, is still a refusal.
    expect(classifyResult(op('vr_session.create'), { kind: 'response', status: 409, body: { error: 'Conflict' } })).toMatchObject({ kind: 'dead', status: 409 });
    expect(classifyResult(complete, { kind: 'response', status: 400, body: { error: 'Bad' } })).toMatchObject({ kind: 'dead', status: 400 });
  });

  it('a 2xx of the wrong shape is a retry that says where it differs; the right shape is delivered', () => {
    const wrong = classifyResult(op('vr_session.complete'), { kind: 'response', status: 200, body: { ok: true } });
    expect(wrong).toMatchObject({ kind: 'retry', status: 200 });
    expect((wrong as { reason: string }).reason).toMatch(/does not match the API's response at session/);
    expect(classifyResult(op('vr_session.complete'), { kind: 'response', status: 200, body: { session, message: 'VR experience completed successfully' } })).toMatchObject({ kind: 'done' });
  });

  it('a 2xx main could not read is a retry with main’s reason, and Retry-After travels with any retry', () => {
    expect(classifyResult(op('vr_session.create'), { kind: 'response', status: 201, body: { error: '{"sess' }, body_problem: 'The answer was not complete JSON' })).toEqual({ kind: 'retry', status: 201, reason: 'HTTP 201: The answer was not complete JSON' });
    expect(classifyResult(op('vr_session.create'), { kind: 'response', status: 429, body: null, retry_after_ms: 30_000 })).toEqual({ kind: 'retry', status: 429, reason: 'HTTP 429', retryAfterMs: 30_000 });
  });

  it('a redirect is a retry naming where it pointed; an unknown kind is never called delivered', () => {
    expect(classifyResult(op('vr_session.create'), { kind: 'response', status: 307, body: null, location: 'https://elsewhere.example/' })).toMatchObject({ kind: 'retry', reason: expect.stringContaining('redirected to https://elsewhere.example/') });
    expect(classifyResult(op('future.kind'), { kind: 'response', status: 200, body: {} })).toMatchObject({ kind: 'retry', reason: expect.stringContaining('No response schema') });
  });

  it('a headset step the remote does not implement is unsupported (kept local), a missing session is not', () => {
    expect(classifyResult(op('vr_session.step'), { kind: 'response', status: 404, body: { error: 'Not found' } })).toEqual({ kind: 'unsupported', reason: 'remote_extension_unsupported' });
    expect(classifyResult(op('vr_session.step'), { kind: 'response', status: 405, body: null })).toEqual({ kind: 'unsupported', reason: 'remote_extension_unsupported' });
    // A statement with no LRS set is kept on the kiosk; anything else with no API set waits as offline.
    expect(classifyResult(op('xapi.statement'), { kind: 'not_configured' })).toEqual({ kind: 'unsupported', reason: 'no_lrs' });
    expect(classifyResult(op('vr_session.create'), { kind: 'not_configured' })).toEqual({ kind: 'offline' });
    expect(classifyResult(op('vr_session.step'), { kind: 'response', status: 404, body: { code: 'SESSION_NOT_FOUND', error: 'VR session not found' } })).toMatchObject({ kind: 'dead' });
  });
});
