import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMainServices } from '../../../main/app/main-services';
import type { MainServices } from '../../../main/app/main-services';
import { FileSecretStore } from '../../../main/services/remote/secret-store';
import { useTestServer } from '../../reference-server/use-test-server';
import { completedStatement } from '../../support/xapi-statement';

const t = useTestServer();
const instructor = { transport: 'websocket' as const, senderId: 'instructor-window' };
const learner = { transport: 'websocket' as const, senderId: 'learner-window' };
let dataDir: string;
let services: MainServices;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'outpost-lrs-'));
  services = createMainServices({
    dataDir,
    appInfo: { name: 'Outpost', version: 'test', host: 'serve', platform: 'linux' },
    now: () => new Date(),
    log: () => undefined,
    adb: { adbPath: 'adb', host: '127.0.0.1', port: 1 },
    secrets: new FileSecretStore(join(dataDir, 'remote-token.json')),
  });
  expect(await services.dispatch('instructor:setup', { secret: 'class of 2026' }, instructor)).toMatchObject({ ok: true });
});

afterEach(async () => {
  services.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const statement = () => completedStatement();

describe('the LRS settings over IPC', () => {
  it('an instructor sets, reads (without the secret), and clears them; the file is readable by main alone', async () => {
    expect(await services.dispatch('lrs:status', {}, learner)).toEqual({ ok: true, value: { configured: false } });
    expect(await services.dispatch('lrs:get', {}, instructor)).toEqual({ ok: true, value: null });
    const set = await services.dispatch('lrs:set', { endpoint: 'https://lrs.example.org/xapi', auth: { kind: 'basic', username: 'kiosk', password: 'hunter2-secret' } }, instructor);
    expect(set).toEqual({ ok: true, value: { endpoint: 'https://lrs.example.org/xapi', auth_kind: 'basic', username: 'kiosk' } });
    expect(JSON.stringify(await services.dispatch('lrs:get', {}, instructor))).not.toContain('hunter2');
    expect((await stat(join(dataDir, 'lrs.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dataDir, 'lrs.json'), 'utf8'))).toMatchObject({ auth: { password: 'hunter2-secret' } });
    expect(await services.dispatch('lrs:status', {}, learner)).toEqual({ ok: true, value: { configured: true } });
    expect(await services.dispatch('lrs:clear', {}, instructor)).toEqual({ ok: true, value: null });
    expect(await services.dispatch('lrs:status', {}, learner)).toEqual({ ok: true, value: { configured: false } });
  });

  it('a learner can neither read nor change them, and a bad endpoint is refused with words, keeping the old one', async () => {
    for (const [channel, payload] of [
      ['lrs:get', {}],
      ['lrs:set', { endpoint: 'https://evil.example/xapi', auth: { kind: 'token', token: 'stolen-token' } }],
      ['lrs:clear', {}],
    ] as const) {
      expect(await services.dispatch(channel, payload, learner)).toMatchObject({ ok: false, error: { code: 'INSTRUCTOR_REQUIRED' } });
    }
    await services.dispatch('lrs:set', { endpoint: 'https://lrs.example.org/xapi', auth: { kind: 'token', token: 'school-token' } }, instructor);
    for (const endpoint of ['http://lrs.example.org/xapi', 'https://user:pw@lrs.example.org/xapi', 'not a url']) {
      const refused = await services.dispatch('lrs:set', { endpoint, auth: { kind: 'token', token: 'school-token' } }, instructor);
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
      expect(refused.ok ? '' : refused.error.message.length).toBeGreaterThan(10);
    }
    expect(await services.dispatch('lrs:get', {}, instructor)).toMatchObject({ ok: true, value: { endpoint: 'https://lrs.example.org/xapi' } });
  });

  it('statements sent through remote:request at the same time reach the configured LRS in one POST', async () => {
    await services.dispatch('lrs:set', { endpoint: `${t.server.url}/xapi`, auth: { kind: 'token', token: t.token } }, instructor);
    const statements = [statement(), statement(), statement()];
    const answers = await Promise.all(statements.map((s) => services.dispatch('remote:request', { method: 'POST', path: '/statements', body: [s], idempotency_key: randomUUID() }, learner)));
    expect(answers).toEqual(statements.map((s) => ({ ok: true, value: { kind: 'response', status: 200, body: [s.id] } })));
    expect(t.server.requests.count('POST /xapi/statements')).toBe(1);
    expect(t.server.inspect.xapiStatements()).toHaveLength(3);
  });
});
