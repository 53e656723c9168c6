import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { activityKey, cellKey } from '../../../shared/progress/build-grid';
import type { ProgressGrid } from '../../../shared/progress/build-grid';
import { importClassList } from '../../../renderer/src/data/class-import';
import { classLearners, classLessonPlays, loadClassGrid } from '../../../renderer/src/data/progress-grid';
import { lessonCell } from '../../../shared/progress/lesson-cell';
import type { VrSessionRow } from '../../../renderer/src/db/rows';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn } from '../../support/instructor-guards';
import { ALICE, BOB, SAFETY_PKG, TENANT, safetyPackage } from '../../support/local-api-fixture';

const now = new Date('2026-03-02T10:00:00.000Z');
const session = (user_id: string, extra: Partial<VrSessionRow> = {}): VrSessionRow => ({
  id: crypto.randomUUID(),
  package_id: SAFETY_PKG,
  activity_id: null,
  tenant_id: TENANT,
  user_id,
  status: 'downloading',
  completion_mode: 'self_report',
  attempts: 1,
  download_started_at: null,
  download_completed_at: null,
  first_launch_at: null,
  completed_at: null,
  score: null,
  success_status: null,
  time_spent_seconds: 0,
  self_reported: false,
  created_at: '2026-03-02T09:00:00.000Z',
  ...extra,
});

describe('loadClassGrid', () => {
  it('reads the class members’ records only, with the library as columns, and a live query sees a new record', async () => {
    const db = openTestDb();
    await db.learners.add({ id: BOB, tenant_id: TENANT, display_name: 'Bob', role: 'learner', pin: null, updated_at: now.toISOString() });
    await db.vrPackages.add(safetyPackage);
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    const { classId } = await importClassList(ports, instructorSignedIn(), '5B', [{ display_name: 'Alice', external_id: ALICE, role: 'learner' }, { display_name: 'Ms Wu', external_id: null, role: 'instructor' }]);
    await db.vrSessions.add(session(BOB, { status: 'completed' }));
    const seen: ProgressGrid[] = [];
    const subscription = liveQuery(() => loadClassGrid(db, classId, now)).subscribe((grid) => seen.push(grid));
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]!.learners.map((l) => l.name)).toEqual(['Alice']);
    expect(seen[0]!.activities).toEqual([{ key: activityKey('vr', SAFETY_PKG), kind: 'vr', id: SAFETY_PKG, title: 'Safety Training VR' }]);
    expect(seen[0]!.cells.size).toBe(0);
    await db.vrSessions.add(session(ALICE, { status: 'completed', time_spent_seconds: 420, success_status: 'passed', completed_at: '2026-03-02T09:07:00.000Z' }));
    await expect.poll(() => seen.at(-1)!.cells.get(cellKey(ALICE, activityKey('vr', SAFETY_PKG)))?.status).toBe('passed');
    subscription.unsubscribe();
  });

  it('shows lesson cells from the lesson play summaries, following a play added, completed later and deleted', async () => {
    const db = openTestDb();
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    const { classId } = await importClassList(ports, instructorSignedIn(), '5B', [{ display_name: 'Alice', external_id: ALICE, role: 'learner' }]);
    const [alice] = await classLearners(db, classId);
    const lesson = activityKey('lesson', 'lesson-1');
    const play = (id: string, createdAt: string) => ({ id, clientId: alice!.tenant_id, userId: ALICE, lessonId: 'lesson-1', createdAt, completedAt: null, activityTime: 600, averageGrade: null, sessions: [] });
    // Another tenant's play of the same learner id is not the learner's.
    await db.lessonPlays.add({ ...play('p0', '2026-03-02T07:00:00.000Z'), clientId: 'another-tenant' });
    const seen: ProgressGrid[] = [];
    const subscription = liveQuery(() => loadClassGrid(db, classId, now)).subscribe((grid) => seen.push(grid));
    try {
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]!.cells.size).toBe(0);
      await db.lessonPlays.add(play('p1', '2026-03-02T08:00:00.000Z'));
      await db.lessonPlays.add(play('p2', '2026-03-02T09:00:00.000Z'));
      await expect.poll(() => seen.at(-1)!.cells.get(cellKey(ALICE, lesson))).toEqual({ status: 'inProgress', score: null, seconds: 1200, attempts: 2, help: null, updatedAt: '2026-03-02T09:00:00.000Z' });
      await db.lessonPlays.update('p2', { completedAt: '2026-03-02T09:30:00.000Z', averageGrade: 'A+' });
      await expect.poll(() => seen.at(-1)!.cells.get(cellKey(ALICE, lesson))).toEqual({ status: 'completed', score: 1, seconds: 1200, attempts: 2, help: null, updatedAt: '2026-03-02T09:30:00.000Z' });
      await db.lessonPlays.delete('p2');
      await expect.poll(() => seen.at(-1)!.cells.get(cellKey(ALICE, lesson))).toEqual({ status: 'inProgress', score: null, seconds: 600, attempts: 1, help: null, updatedAt: '2026-03-02T08:00:00.000Z' });
      expect(seen.at(-1)!.cells.get(cellKey(ALICE, lesson))).toEqual(lessonCell(await classLessonPlays(db, [alice!])));
    } finally {
      subscription.unsubscribe();
      db.close();
    }
  });
});
