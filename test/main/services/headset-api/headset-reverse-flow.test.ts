import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdbkitReversePorts } from '../../../../main/services/headset-api/adb-reverse';
import { HeadsetApiService } from '../../../../main/services/headset-api/headset-api-service';
import { applyHeadsetRequest } from '../../../../renderer/src/headset-api/apply-headset-request';
import { scriptExperience } from '../../../fakes/quest-adbd/experience';
import type { ExperienceStep } from '../../../fakes/quest-adbd/experience';
import { ALICE, BOB, SAFETY_PKG, createApiFixture } from '../../../support/local-api-fixture';
import type { ApiFixture } from '../../../support/local-api-fixture';
import { startCartFixture } from '../../../support/sideload-fixture';
import type { CartFixture } from '../../../support/sideload-fixture';

const PKG = 'com.example.safety';
const ACTIVITY = 'com.example.safety.MainActivity';
const fast = { sleep: () => Promise.resolve(), maxAttempts: 3 };

// Real Debian adb server, emulated headsets speaking adbd's side of `adb reverse`, main's headset API
// service, and the renderer's data layer over fake IndexedDB: the whole path a headset report takes.
describe('a headset reports through adb reverse', () => {
  let cart: CartFixture;
  let api: ApiFixture;
  let service: HeadsetApiService;
  let port: number;
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    cart = await startCartFixture([0, 1, 2].map(() => ({ preinstalled: [{ packageName: PKG, versionCode: 1, launchableActivity: ACTIVITY }] })));
    api = await createApiFixture();
    for (const learner of [ALICE, BOB]) {
      const created = await api.call('POST', '/api/vr-sessions', { token: await api.token(learner), body: { package_id: SAFETY_PKG, completion_mode: 'auto_detect' } });
      sessions[learner] = created.body.session.id;
    }
    service = new HeadsetApiService({
      bridge: cart.bridge,
      reverse: new AdbkitReversePorts({ host: '127.0.0.1', port: cart.adb.port, adbPath: cart.adb.adbPath }),
      now: () => new Date(),
      // The renderer's side, in-process: what startHeadsetResponder does with the event.
      emit: (request) => void applyHeadsetRequest(api.deps, request).then((answer) => service.respond(answer)),
      log: () => undefined,
      confirmTimeoutMs: 5_000,
    });
    port = await service.start();
    service.attach('test-window-1');
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await cart?.stop();
  });

  async function launchWith(index: number, sessionId: string, steps: ExperienceStep[]) {
    const headset = cart.cart.headsets[index]!;
    const script = scriptExperience(headset, { packageName: PKG, steps, client: fast });
    const result = await service.launch({ serial: headset.serial, package_name: PKG, launch_activity: ACTIVITY, headset_api_session_id: sessionId });
    return { headset, result, script };
  }

  it('progress then completion: completed by the headset, score by the seed rule, token and port gone after', async () => {
    const { headset, result, script } = await launchWith(0, sessions[ALICE]!, [
      { kind: 'progress', progress: 0.5 },
      { kind: 'event', body: { verb: 'interacted', object: 'extinguisher' } },
      { kind: 'complete', body: { score: { raw: 8, max: 10 }, time_spent_seconds: 600 } },
    ]);
    expect(result).toMatchObject({ ok: true, via: 'am_start', headset_api: 'ready' });
    expect(script.runs).toHaveLength(1);
    expect(script.runs[0]!.extras['outpost.port']).toBe(String(port));
    await script.runs[0]!.done;
    expect(script.runs[0]!.calls.map((c) => c.status), JSON.stringify(script.runs[0]!.calls)).toEqual([200, 200, 200]);
    // Each call travelled over the ADB link (device OPEN tcp:PORT), not a direct socket.
    expect(headset.reverse.tunnelsOpened).toBe(3);
    const row = await api.db.vrSessions.get(sessions[ALICE]!);
    expect(row).toMatchObject({ status: 'completed', self_reported: false, success_status: 'passed', time_spent_seconds: 600, score: { raw: 80, max: 100, scaled: 0.8 } });
    // Queued for the remote like a learner's completion, in the seed's language.
    const ops = await api.db.outbox.where('entity_id').equals(sessions[ALICE]!).toArray();
    expect(ops.find((o) => o.kind === 'vr_session.complete')?.body).toEqual({ score: 80, time_spent_minutes: 10 });
    expect(ops.some((o) => o.kind === 'xapi.statement')).toBe(true);
    // The session ended: the headset's reverse port is torn down, so a late report reaches nothing.
    await expect.poll(() => headset.reverse.has(port), { timeout: 15_000 }).toBe(false);
    expect(service.tokens.serials()).not.toContain(headset.serial);
  }, 60_000);

  it('refuses a second completion, another learner session, stale and learner tokens, hostile bodies', async () => {
    const bob = sessions[BOB]!;
    const alice = sessions[ALICE]!;
    const json = { 'Content-Type': 'application/json' };
    const { script } = await launchWith(1, bob, [
      { kind: 'raw', path: `/headset/v1/sessions/${alice}/complete`, body: '{}' },
      { kind: 'raw', headers: { ...json, Authorization: 'Outpost-Headset AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } },
      { kind: 'raw', headers: { ...json, Authorization: 'Bearer learner-kiosk-token' } },
      { kind: 'raw', body: `{"score":{"raw":1,"max":2},"pad":"${'x'.repeat(20_000)}"}` },
      { kind: 'raw', body: '{"score":' },
      { kind: 'raw', body: '{"score":{"raw":5,"max":2}}' },
      { kind: 'raw', path: `/headset/v1/sessions/${bob}/../${alice}/complete` },
      { kind: 'raw', method: 'DELETE', path: `/headset/v1/sessions/${bob}/complete` },
      { kind: 'complete', body: { score: { raw: 1, max: 2 } } },
      { kind: 'complete', body: {} },
    ]);
    await script.runs[0]!.done;
    const calls = script.runs[0]!.calls;
    expect(calls.slice(0, -1).map((c) => [c.status, (c.body as { code?: string } | null)?.code])).toEqual([
      [404, 'SESSION_NOT_FOUND'],
      [401, 'UNAUTHORIZED'],
      [401, 'UNAUTHORIZED'],
      [413, 'TOO_LARGE'],
      [400, 'VALIDATION_ERROR'],
      [400, 'VALIDATION_ERROR'],
      [404, 'NOT_FOUND'],
      [405, 'METHOD_NOT_ALLOWED'],
      [200, undefined],
    ]);
    // The first completion ended the session: its token is revoked (401), and the port is torn down
    // right after (then the app cannot connect at all).
    expect([0, 401]).toContain(calls.at(-1)!.status);
    await expect.poll(() => cart.cart.headsets[1]!.reverse.has(port), { timeout: 15_000 }).toBe(false);
    expect(await api.db.vrSessions.get(bob)).toMatchObject({ status: 'completed', success_status: 'failed', score: { raw: 50 } });
  }, 60_000);

  it('a headset unplugged mid-session leaves the session in progress and its token stale', async () => {
    const created = await api.call('POST', '/api/vr-sessions', { token: await api.token(ALICE), body: { package_id: SAFETY_PKG, completion_mode: 'auto_detect' } });
    const sessionId: string = created.body.session.id;
    let unplugged: () => void = () => undefined;
    const { headset, script } = await launchWith(2, sessionId, [{ kind: 'progress', progress: 0.25 }, { kind: 'wait', until: new Promise<void>((resolve) => (unplugged = resolve)) }, { kind: 'complete' }]);
    await expect.poll(() => script.runs[0]?.calls.length, { timeout: 15_000 }).toBe(1);
    const token = script.runs[0]!.extras['outpost.token']!;
    // Unplugged: the adb server forgets the headset, and the headset's side of the link dies with its reverse port.
    await cart.adb.adb(['disconnect', headset.serial]);
    await cart.adb.waitForState(headset.serial, 'absent', 20_000);
    await expect.poll(() => headset.reverse.has(port), { timeout: 15_000 }).toBe(false);
    service.onHeadsets([]);
    unplugged();
    await script.runs[0]!.done;
    expect(script.runs[0]!.calls.at(-1), JSON.stringify(script.runs[0]!.calls)).toMatchObject({ status: 0 });
    expect(service.tokens.verify(token)).toBeNull();
    expect(await api.db.vrSessions.get(sessionId)).toMatchObject({ status: 'downloading', headset_progress: 0.25, completed_at: null });
  }, 60_000);
});
