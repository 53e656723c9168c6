import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { IpcFailure } from '../../../shared/ipc/result';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import type { CallContext, HandlerMap } from '../../../main/ipc/handler-map';
import { InstructorSessions } from '../../../main/services/instructor/instructor-sessions';

const PUBLIC: readonly InvokeChannel[] = ['app:info', 'settings:get', 'scorm:sign-launch', 'remote:request', 'remote:status', 'lrs:status', 'instructor:status', 'instructor:setup', 'instructor:sign-in', 'instructor:sign-out', 'headset-api:attach', 'headset-api:respond', 'storage:status', 'cast:status', 'scorm-lan:attach', 'scorm-lan:respond', 'scorm-lan:deliver'];
const gated = INVOKE_CHANNELS.filter((channel) => contract[channel].access !== 'public');

function harness() {
  let clock = Date.parse('2026-03-01T09:00:00.000Z');
  const sessions = new InstructorSessions(() => new Date(clock), 60_000);
  const ran: string[] = [];
  // Every handler records that it ran and stops there; reaching it is what the access check must prevent.
  const handlers = Object.fromEntries(
    INVOKE_CHANNELS.map((channel) => [
      channel,
      async () => {
        ran.push(channel);
        throw new IpcFailure('NOT_FOUND', 'reached the handler');
      },
    ]),
  ) as unknown as HandlerMap;
  const dispatch = createDispatcher(handlers, { isInstructor: ({ senderId }) => sessions.touch(senderId) });
  return { dispatch, sessions, ran, advance: (ms: number) => (clock += ms) };
}

const as = (senderId: string): CallContext => ({ transport: 'websocket', senderId });

describe('dispatcher access control', () => {
  it('declares exactly these channels public; every other one is instructor-only', () => {
    expect(INVOKE_CHANNELS.filter((c) => contract[c].access === 'public')).toEqual(PUBLIC);
    expect(gated).toContain('settings:update');
    expect(gated).toContain('packages:upload-ticket');
  });

  it.each(gated)('%s refuses a caller who never signed in, before the handler runs', async (channel) => {
    const h = harness();
    expect(await h.dispatch(channel, {}, as('w1'))).toEqual({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED', message: `${channel}: an instructor must sign in first` } });
    expect(h.ran).toEqual([]);
  });

  it.each(gated)('%s refuses a caller whose instructor session expired', async (channel) => {
    const h = harness();
    h.sessions.start('w1');
    h.advance(60_000);
    expect(await h.dispatch(channel, {}, as('w1'))).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    expect(h.ran).toEqual([]);
  });

  it.each(gated)('%s refuses a caller when the session belongs to another window', async (channel) => {
    const h = harness();
    h.sessions.start('w1');
    expect(await h.dispatch(channel, {}, as('w2'))).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    expect(h.ran).toEqual([]);
  });

  it.each(gated)('%s lets a signed-in instructor through to validation and the handler', async (channel) => {
    const h = harness();
    h.sessions.start('w1');
    const result = await h.dispatch(channel, {}, as('w1'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['NOT_FOUND', 'VALIDATION_ERROR']).toContain(result.error.code);
  });

  it('fails closed when the host gives no instructor check at all', async () => {
    const dispatch = createDispatcher({} as HandlerMap);
    expect(await dispatch('headsets:list', {}, as('w1'))).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
  });

  it('lets anyone change only the language, and nothing else in settings', async () => {
    const h = harness();
    expect(await h.dispatch('settings:update', { locale: 'zh-Hant' }, as('learner'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
    for (const patch of [{ apiBaseUrl: 'https://api.example.org' }, { locale: 'en', kioskName: 'Room 4' }, {}]) {
      expect(await h.dispatch('settings:update', patch, as('learner'))).toMatchObject({ error: { code: 'INSTRUCTOR_REQUIRED' } });
    }
    expect(h.ran).toEqual(['settings:update']);
  });

  it('keeps a session alive while the instructor works', async () => {
    const h = harness();
    h.sessions.start('w1');
    h.advance(50_000);
    await h.dispatch('sideload:jobs', {}, as('w1'));
    h.advance(50_000);
    expect(await h.dispatch('sideload:jobs', {}, as('w1'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
