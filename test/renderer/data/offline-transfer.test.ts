import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportOfflineTransfer } from '../../../renderer/src/data/offline-transfer-export';
import type { ExportOutcome } from '../../../renderer/src/data/offline-transfer-export';
import { TRANSFER_TABLES } from '../../../renderer/src/data/offline-transfer-format';
import { importOfflineTransfer } from '../../../renderer/src/data/offline-transfer-import';
import { readTransferFile } from '../../../renderer/src/data/offline-transfer-read';
import { InstructorRequiredError } from '../../../renderer/src/data/instructor-guard';
import { sha256Hex } from '../../../renderer/src/data/crypto-hex';
import type { OutpostDb } from '../../../renderer/src/db/outpost-db';
import type { OutboxRow } from '../../../renderer/src/db/rows';
import { ALICE, BOB, SAFETY_PKG, CHEM_PKG } from '../../support/local-api-fixture';
import { COURSE_12, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';
import { instructorSignedIn, nobodySignedIn } from '../../support/instructor-guards';

const LESSON = { id: 'lesson789', title: { en: 'Pure Yoga', 'zh-Hans': '纯瑜伽', 'zh-Hant': '純瑜伽' }, sessions: [{ title: { en: 'Warmup' } }] };
const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } };
const guard = instructorSignedIn();

let a: ScormApiFixture;
let b: ScormApiFixture;
beforeEach(async () => {
  [a, b] = await Promise.all([createScormApiFixture(), createScormApiFixture()]);
});

/** A morning on kiosk A: VR sessions (one completed), a SCORM course, a lesson play, an exercise. */
async function recordMorning(f: ScormApiFixture): Promise<void> {
  await f.db.lessons.add(LESSON);
  const alice = await f.token(ALICE);
  const bob = await f.token(BOB);
  const call = async (token: string, method: string, path: string, body: unknown) => {
    const res = await f.call(method, path, { token, body });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return res.body;
  };
  const vr = await call(alice, 'POST', '/api/vr-sessions', { package_id: SAFETY_PKG });
  await call(alice, 'POST', `/api/vr-sessions/${vr.session.id}/complete`, { score: 80, time_spent_minutes: 12 });
  await call(bob, 'POST', '/api/vr-sessions', { package_id: CHEM_PKG });
  await call(alice, 'POST', `/api/v1/packages/${COURSE_12}/launch`, { user_id: ALICE, session_id: 'sess-1' });
  await call(alice, 'PUT', '/api/v1/sessions/sess-1', { version: 1, cmi_data: { 'cmi.core.lesson_status': 'incomplete' }, completion_status: 'incomplete', session_time: 'PT5M' });
  const play = await call(alice, 'POST', '/api/lesson-plays', { lessonId: LESSON.id });
  await call(alice, 'PUT', `/api/lesson-plays/${play.lessonPlayId}/results`, { sessions: [{ index: 0, poseSimilarity: 0.7 }] });
  const started = await call(alice, 'POST', '/api/logger/contentsession', exercise);
  await call(alice, 'PUT', `/api/logger/contentsession/${started.session_id}`, { interactions: [{ item: 'q1', correct: 1, time_spent: 4, complete: true, answer: { v: 1 } }], progress: 0.2, time_spent_delta: 4 });
}

async function exported(f: ScormApiFixture, kioskName: string | null = 'Room 12'): Promise<Extract<ExportOutcome, { ok: true }>> {
  const outcome = await exportOfflineTransfer(f.deps, guard, { kioskName });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome;
}

/** An outbox row as it should read on any kiosk: its local order, claim and due time are the kiosk's own. */
const comparable = ({ seq: _seq, claimed_by: _claim, next_attempt_at: _next, ...op }: OutboxRow) => ({ ...op, status: op.status === 'in_flight' ? 'pending' : op.status });

async function snapshot(db: OutpostDb): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = Object.fromEntries(await Promise.all([...TRANSFER_TABLES, 'idMap', 'offlineTransfers', 'kioskIdentity'].map(async (name) => [name, await db.table(name).toArray()] as const)));
  return { ...tables, outbox: (await db.outbox.orderBy('seq').toArray()).map(({ seq: _seq, ...op }) => op) };
}

const gz = async (blob: Blob) => new Uint8Array(gunzipSync(Buffer.from(await blob.arrayBuffer())));
const fileOf = (bytes: Uint8Array | string, name = 'x.json.gz') => new File([typeof bytes === 'string' ? bytes : Buffer.from(bytes)], name);

describe('offline transfer: export, then import on another kiosk', () => {
  it('carries every undelivered operation with its records, and the other kiosk ends up with the same rows and outbox', async () => {
    await recordMorning(a);
    // Alice's VR create already reached the remote: it travels only as the completion's dependency, with its remote id.
    const create = (await a.db.outbox.filter((op) => op.kind === 'vr_session.create' && op.acting_user_id === ALICE).first())!;
    await a.db.outbox.update(create.seq!, { status: 'done' });
    await a.db.idMap.put({ entity: 'vr_session', local_id: create.entity_id, remote_id: 'remote-vr-1', recorded_at: '2026-03-02T09:01:00.000Z' });
    // One in flight when the file is made: it travels as pending (the other kiosk sends it).
    const inFlight = (await a.db.outbox.filter((op) => op.kind === 'scorm_session.launch').first())!;
    await a.db.outbox.update(inFlight.seq!, { status: 'in_flight', claimed_by: 'run-1' });

    const progress: string[] = [];
    const file = await exportOfflineTransfer(a.deps, guard, { kioskName: 'Room 12', onProgress: (p) => progress.push(p.phase) });
    if (!file.ok) throw new Error(file.error);
    const aOutbox = await a.db.outbox.orderBy('seq').toArray();
    expect(file.operations).toBe(aOutbox.filter((op) => op.status !== 'done').length);
    expect(file.fileName).toMatch(/^outpost-transfer-room-12-\d{8}-\d{4}\.json\.gz$/);
    expect(new Set(progress)).toEqual(new Set(['reading', 'checking', 'compressing', 'writing']));
    // The source keeps everything it had, still to be sent, and remembers what it carried away.
    expect(await a.db.outbox.orderBy('seq').toArray()).toEqual(aOutbox);
    expect(await a.db.offlineTransfers.toArray()).toEqual([expect.objectContaining({ direction: 'export', id: file.exportId, operation_ids: expect.arrayContaining([inFlight.id]) })]);

    const result = await importOfflineTransfer(b.deps, guard, file.file, file.fileName);
    expect(result).toMatchObject({ ok: true, summary: { addedOperations: file.operations, knownOperations: 0, sourceKioskName: 'Room 12', importedBefore: null } });

    const bOutbox = await b.db.outbox.orderBy('seq').toArray();
    expect(bOutbox.map(comparable)).toEqual(aOutbox.map(comparable));
    expect(bOutbox.find((op) => op.id === inFlight.id)).toMatchObject({ status: 'pending', claimed_by: null });
    expect(await b.db.idMap.toArray()).toEqual(await a.db.idMap.toArray());
    for (const table of ['vrSessions', 'scormSessions', 'lessonPlays', 'contentSessionLogs', 'contentSummaryLogs', 'masteryLogs', 'attemptLogs', 'lessons'] as const) {
      const rows = await a.db.table(table).toArray();
      expect(rows.length, table).toBeGreaterThan(0);
      expect(await b.db.table(table).toArray(), table).toEqual(expect.arrayContaining(rows));
      expect(await b.db.table(table).count(), table).toBe(rows.length);
    }
  });

  it('importing the same file twice, or a later file from the same kiosk, adds nothing it already has', async () => {
    await recordMorning(a);
    const first = await exported(a);
    expect((await importOfflineTransfer(b.deps, guard, first.file, first.fileName)).ok).toBe(true);
    const after = await snapshot(b.db);

    const again = await importOfflineTransfer(b.deps, guard, first.file, first.fileName);
    expect(again).toMatchObject({ ok: true, summary: { addedOperations: 0, knownOperations: first.operations, addedRecords: 0 } });
    if (!again.ok) throw new Error(again.error);
    expect(again.summary.importedBefore).not.toBeNull();
    const twice = await snapshot(b.db);
    expect({ ...twice, offlineTransfers: [] }).toEqual({ ...after, offlineTransfers: [] });
    expect(twice.offlineTransfers).toHaveLength(2);

    // Kiosk A records one more completion and exports everything it still has: only that is new to B.
    const bob = await a.token(BOB);
    const open = (await a.db.vrSessions.where('user_id').equals(BOB).first())!;
    await a.call('POST', `/api/vr-sessions/${open.id}/complete`, { token: bob, body: { score: 55 } });
    const second = await exported(a);
    expect(second.operations).toBe(first.operations + 2);
    expect(await importOfflineTransfer(b.deps, guard, second.file, second.fileName)).toMatchObject({ ok: true, summary: { addedOperations: 2, knownOperations: first.operations } });
    expect(await b.db.outbox.count()).toBe(await a.db.outbox.count());
    expect(await b.db.vrSessions.get(open.id)).toMatchObject({ status: 'completed' });
  });

  it('keeps a record this kiosk has further along, and never carries or overwrites PINs', async () => {
    await recordMorning(a);
    await a.db.learners.update(ALICE, { pin: { salt: 'aa', hash: 'bb', iterations: 210_000 }, pin_failures: 2 });
    const file = await exported(a);
    const text = new TextDecoder().decode(await gz(file.file));
    expect(text).not.toContain('"hash":"bb"');
    expect(text).not.toContain('pin_failures');
    await b.db.learners.update(ALICE, { pin: { salt: 'cc', hash: 'dd', iterations: 210_000 } });
    // B already holds a newer version of the SCORM session (imported earlier and used since).
    const sess = (await a.db.scormSessions.get('sess-1'))!;
    await b.db.scormSessions.add({ ...sess, version: sess.version + 3 });
    const result = await importOfflineTransfer(b.deps, guard, file.file, file.fileName);
    expect(result).toMatchObject({ ok: true });
    expect((await b.db.scormSessions.get('sess-1'))?.version).toBe(sess.version + 3);
    expect((await b.db.learners.get(ALICE))?.pin).toEqual({ salt: 'cc', hash: 'dd', iterations: 210_000 });
  });

  it('has nothing to export when everything was delivered', async () => {
    expect(await exportOfflineTransfer(a.deps, guard, { kioskName: null })).toEqual({ ok: false, error: 'NOTHING_TO_EXPORT' });
    expect(await a.db.offlineTransfers.count()).toBe(0);
  });
});

describe('a file that must not be imported is refused with its reason, and the database is untouched', () => {
  let file: Extract<ExportOutcome, { ok: true }>;
  let json: Uint8Array;
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeEach(async () => {
    await recordMorning(a);
    file = await exported(a);
    json = await gz(file.file);
    await b.db.kioskIdentity.put({ key: 'kioskId', value: crypto.randomUUID() });
    before = await snapshot(b.db);
  });
  async function refused(blob: Blob, error: string) {
    const outcome = await importOfflineTransfer(b.deps, guard, blob, 'picked.json.gz');
    expect(outcome).toMatchObject({ ok: false, error });
    expect(await snapshot(b.db)).toEqual(before);
  }
  /** The file with its content changed by hand and (optionally) the checksum made to match again. */
  async function edited(change: (file: { content: { operations: Array<Record<string, unknown>>; records: Record<string, Array<Record<string, unknown>>> } }) => void, rehash = true) {
    const parsed = JSON.parse(new TextDecoder().decode(json));
    change(parsed);
    if (rehash) parsed.checksum.value = await sha256Hex(JSON.stringify(parsed.content));
    return fileOf(gzipSync(JSON.stringify(parsed)));
  }

  it('a cut-short file (compressed or not) is damaged', async () => {
    const bytes = new Uint8Array(await file.file.arrayBuffer());
    await refused(fileOf(bytes.slice(0, Math.floor(bytes.length / 2))), 'DAMAGED');
    await refused(fileOf(new TextDecoder().decode(json).slice(0, 5000)), 'DAMAGED');
  });

  it('a changed byte fails the checksum', async () => {
    await refused(
      await edited((f) => {
        f.content.operations[0]!['entity_id'] = crypto.randomUUID();
      }, false),
      'DAMAGED',
    );
  });

  it('some other file is not an export: a class list, a zip, nothing at all', async () => {
    await refused(fileOf(JSON.stringify({ tenant_id: crypto.randomUUID(), learners: [] }), 'class.json'), 'NOT_AN_EXPORT');
    await refused(fileOf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe])), 'NOT_AN_EXPORT');
    await refused(fileOf(''), 'NOT_AN_EXPORT');
  });

  it('over the bounds: the file itself, or what it inflates to', async () => {
    const outcome = await readTransferFile(file.file, undefined, { fileBytes: file.bytes - 1, jsonBytes: 1e9 });
    expect(outcome).toMatchObject({ ok: false, error: 'TOO_LARGE' });
    expect(await readTransferFile(fileOf(gzipSync(Buffer.alloc(2 * 1024 * 1024))), undefined, { fileBytes: 1e9, jsonBytes: 1024 * 1024 })).toMatchObject({ ok: false, error: 'TOO_LARGE' });
    await refused(new Blob([new Uint8Array(64 * 1024 * 1024 + 1)]), 'TOO_LARGE');
  });

  it('a newer format version, a well-formed but wrong content, an operation waiting on one the file lacks', async () => {
    const parsed = JSON.parse(new TextDecoder().decode(json));
    await refused(fileOf(gzipSync(JSON.stringify({ ...parsed, version: 2 }))), 'UNSUPPORTED_VERSION');
    await refused(
      await edited((f) => {
        f.content.operations[0]!['method'] = 'GET';
      }),
      'INVALID',
    );
    await refused(
      await edited((f) => {
        f.content.operations.find((op) => (op['depends_on'] as string[]).length > 0)!['depends_on'] = [crypto.randomUUID()];
      }),
      'INVALID',
    );
    await refused(
      await edited((f) => {
        f.content.records['vrSessions']!.push({ ...f.content.records['vrSessions']![0]!, id: crypto.randomUUID() });
      }),
      'INVALID',
    );
  });

  it('a file back into the kiosk that wrote it', async () => {
    const mine = await snapshot(a.db);
    expect(await importOfflineTransfer(a.deps, guard, file.file, file.fileName)).toMatchObject({ ok: false, error: 'OWN_EXPORT' });
    expect(await snapshot(a.db)).toEqual(mine);
  });

  it('a write that fails half way leaves nothing behind', async () => {
    const fail = () => {
      throw new Error('QuotaExceededError: the disk is full');
    };
    b.db.lessonPlays.hook('creating', fail);
    const outcome = await importOfflineTransfer(b.deps, guard, file.file, file.fileName);
    b.db.lessonPlays.hook('creating').unsubscribe(fail);
    expect(outcome).toMatchObject({ ok: false, error: 'WRITE_FAILED', detail: expect.stringContaining('disk is full') });
    expect(await snapshot(b.db)).toEqual(before);
  });
});

describe('only an instructor exports or imports', () => {
  it('refuses a learner (nobody signed in as instructor) before reading or writing anything', async () => {
    await recordMorning(a);
    await expect(exportOfflineTransfer(a.deps, nobodySignedIn(), { kioskName: null })).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await a.db.offlineTransfers.count()).toBe(0);
    const file = await exported(a);
    await expect(importOfflineTransfer(b.deps, nobodySignedIn(), file.file, file.fileName)).rejects.toBeInstanceOf(InstructorRequiredError);
    expect(await b.db.outbox.count()).toBe(0);
  });
});
