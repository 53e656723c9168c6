import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_ALICE, SEED_LESSON, SEED_SAFETY_PKG, SEED_SCORM_PKG } from './catalog-seed';
import { startReferenceServer } from './server';
import type { ReferenceServer } from './server';
import { call, startTestServer } from './test-client';
import type { TestServer } from './test-client';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('restart()', () => {
  it('keeps every entity, the tokens and the port', async () => {
    const t: TestServer = await startTestServer();
    cleanups.push(() => t.dispose());
    const token = t.server.tokens.issue(SEED_ALICE);
    const vr = await t.call('POST', '/api/vr-sessions', { token, body: { package_id: SEED_SAFETY_PKG } });
    await t.call('POST', `/api/vr-sessions/${vr.body.session.id}/complete`, { token, body: { score: 75 } });
    await t.call('POST', `/api/v1/packages/${SEED_SCORM_PKG}/launch`, { apiKey: token, body: { user_id: SEED_ALICE, session_id: 's1' } });
    await t.call('PUT', '/api/v1/sessions/s1', { apiKey: token, body: { version: 1, cmi_data: { 'cmi.core.lesson_location': 'p3' } } });
    const play = await t.call('POST', '/api/lesson-plays', { token, body: { lessonId: SEED_LESSON } });
    const started = await t.call('POST', '/api/logger/contentsession', { token, body: { node_id: 'n1', content_id: 'n1', channel_id: 'ch', kind: 'video' } });
    await t.call('PUT', `/api/logger/contentsession/${started.body.session_id}`, { token, body: { progress: 1 } });
    const before = t.server.effects();
    const { url } = t.server;

    await t.server.restart();

    expect(t.server.url).toBe(url);
    expect(t.server.effects()).toEqual(before);
    expect((await t.call('GET', '/api/vr-sessions', { token })).body.sessions[0]).toMatchObject({ id: vr.body.session.id, status: 'completed', score: { raw: 75 } });
    expect((await t.call('GET', '/api/v1/sessions/s1', { apiKey: token })).body).toMatchObject({ version: 2, cmi_data: { 'cmi.core.lesson_location': 'p3' } });
    expect((await t.call('GET', `/api/lesson-plays/${play.body.lessonPlayId}`, { token })).status).toBe(200);
    expect((await t.call('GET', `/api/logger/totalcontentprogress/${SEED_ALICE}`, { token })).body.progress).toBe(1);
    expect(t.server.inspect.integrity()).toBe('ok');
  });

  it('can be stopped twice and refuses inspection once stopped', async () => {
    const t = await startTestServer();
    cleanups.push(() => t.dispose());
    await t.server.stop();
    await t.server.stop();
    expect(() => t.server.effects()).toThrow(/stopped/);
  });
});

interface ChildInfo {
  readonly url: string;
  readonly tokens: Record<string, string>;
}

describe('a crash (SIGKILL) in the middle of writes', () => {
  it('loses no acknowledged write and leaves no half-applied one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'outpost-reference-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/reference-server/cli.ts', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const info = JSON.parse(line) as ChildInfo;
    const token = info.tokens[SEED_ALICE] ?? '';

    // Four writers, each with its own idempotency keys; the process is killed once 25 writes are acknowledged.
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const writer = async () => {
      while (sent < 200) {
        sent += 1;
        const key = `crash-${sent}`;
        try {
          const res = await call(info.url, 'POST', '/api/lesson-plays', { token, body: { lessonId: SEED_LESSON }, idempotencyKey: key });
          if (res.status === 200) acknowledged.push(res.body.lessonPlayId as string);
        } catch {
          return; // the connection died with the process
        }
        if (acknowledged.length >= 25 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect(child.signalCode).toBe('SIGKILL');

    const server: ReferenceServer = await startReferenceServer({ dataDir });
    cleanups.push(() => server.stop());
    expect(server.inspect.integrity()).toBe('ok');
    const stored = new Set(server.inspect.lessonPlays().map((p) => p.id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(25);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Each write and its remembered reply commit in one transaction: never one without the other.
    expect(server.effects().idempotencyKeys).toBe(server.effects().lessonPlays);
    // The tokens issued by the dead process still work, as a real server's would after a restart.
    expect((await call(server.url, 'GET', `/api/lesson-plays/${acknowledged[0]}`, { token })).status).toBe(200);
  });
});
