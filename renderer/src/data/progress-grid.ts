import { Dexie } from 'dexie';
import { activityKey, buildGrid } from '../../../shared/progress/build-grid';
import type { GridActivity, ProgressGrid } from '../../../shared/progress/build-grid';
import type { OutpostDb } from '../db/outpost-db';
import { classMembers } from './classes';
import { scormSessionTable } from './scorm-session-table';

/** The class's progress, read live: a live query over this re-runs whenever any record behind it changes. */
export async function loadClassGrid(db: OutpostDb, classId: string, now: Date): Promise<ProgressGrid> {
  const members = (await classMembers(db, classId)).filter((m) => m.role === 'learner');
  const ids = members.map((m) => m.id);
  const [packages, courses, lessons, vr, scorm, tries, plays] = await Promise.all([
    db.vrPackages.toArray(),
    db.scormCourses.toArray(),
    db.lessons.toArray(),
    db.vrSessions.where('user_id').anyOf(ids).toArray(),
    scormSessionTable(db).where('user_id').anyOf(ids).toArray(),
    Promise.all(ids.map((id) => db.masteryLogs.where('[user+content_id]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray())).then((all) => all.flat()),
    Promise.all(members.map((m) => db.lessonPlays.where('[clientId+userId+createdAt+id]').between([m.tenant_id, m.id, Dexie.minKey], [m.tenant_id, m.id, Dexie.maxKey]).toArray())).then((all) => all.flat()),
  ]);
  const known: GridActivity[] = [
    ...packages.map((p) => ({ key: activityKey('vr', p.id), kind: 'vr' as const, id: p.id, title: p.title })),
    ...courses.map((c) => ({ key: activityKey('scorm', c.id), kind: 'scorm' as const, id: c.id, title: c.title })),
    ...lessons.map((l) => ({ key: activityKey('lesson', l.id), kind: 'lesson' as const, id: l.id, title: l.title ?? null })),
  ];
  const learners = members.map((m) => ({ id: m.id, name: m.display_name }));
  return buildGrid(learners, known, { vr, scorm, tries, plays }, now);
}

