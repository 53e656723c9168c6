import { afterEach, describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { scormConflictResolver } from '../../../renderer/src/sync/scorm-conflict';
import { SEED_SCORM_PKG } from '../../reference-server/catalog-seed';
import { openTestDb } from '../../support/fake-db';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('SCORM 409 through sync (reference server)', () => {
  it('fetches the latest from the 409, merges CMI and retries: nothing of either device is lost', async () => {
    h = await startSyncHarness({ learners: 1, packages: 1 });
    const learner = h.learners[0]!;
    const launched = await h.remote({ method: 'POST', path: `/api/v1/packages/${SEED_SCORM_PKG}/launch`, body: { user_id: learner, session_id: 'session-456' } });
    expect(launched).toMatchObject({ kind: 'response', status: 200 });
    const now = new Date().toISOString();
    await h.db.outbox.add({
      id: crypto.randomUUID(),
      idempotency_key: crypto.randomUUID(),
      kind: 'scorm_session.update',
      entity_id: 'session-456',
      method: 'PUT',
      path: '/api/v1/sessions/session-456',
      body: { version: 1, cmi_data: { 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '85' }, completion_status: 'completed', session_time: 'PT5M' },
      acting_user_id: learner,
      depends_on: [],
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      updated_at: now,
    });
    // Another device saves first: the version moves on and a bookmark appears.
    h.server!.faults.scormConflictNext({ sessionId: 'session-456', cmi: { 'cmi.core.lesson_location': 'page-12', 'cmi.core.lesson_status': 'incomplete' } });
    const engine = new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0, concurrency: 2, resolveConflict: scormConflictResolver(h.db) });
    expect(await engine.drain()).toMatchObject({ delivered: 1, dead: 0, waiting: 0 });
    const [session] = h.server!.inspect.scormSessions();
    expect(session).toMatchObject({
      version: 3,
      completion_status: 'completed',
      time_spent_seconds: 300,
      cmi_data: { 'cmi.core.lesson_location': 'page-12', 'cmi.core.lesson_status': 'completed', 'cmi.core.score.raw': '85' },
    });
    expect(h.server!.faults.injected.scormConflicts).toBe(1);
  });

  it('leaves an unreadable conflict as a dead letter for the user', async () => {
    const op = { body: { version: 'x' } } as never;
    expect(await scormConflictResolver(openTestDb())(op, { session: { id: 'nope' } })).toBeNull();
  });
});
