import { describe, expect, it } from 'vitest';
import { signIn } from '../../../renderer/src/auth/kiosk-auth';
import { importClassList } from '../../../renderer/src/data/class-import';
import { classMembers } from '../../../renderer/src/data/classes';
import { deleteLearner, renameLearner, restoreLearner } from '../../../renderer/src/data/learner-manage';
import { openTestDb } from '../../support/fake-db';
import { instructorSignedIn } from '../../support/instructor-guards';
import { ALICE, TENANT } from '../../support/local-api-fixture';

const now = new Date('2026-03-02T08:00:00.000Z');

describe('managing learners', () => {
  it('renames a local learner, deletes one with undo (classes and PIN back), refuses while signed in or for the API’s own', async () => {
    const db = openTestDb();
    const ports = { db, now: () => now, newId: () => crypto.randomUUID() };
    const guard = instructorSignedIn();
    const { classId } = await importClassList(ports, guard, '5B', [{ display_name: 'Zoe', external_id: ALICE, role: 'learner' }]);
    expect(await renameLearner(ports, guard, ALICE, '  Zoë  Martin ')).toEqual({ ok: true });
    expect((await db.learners.get(ALICE))?.display_name).toBe('Zoë Martin');
    await signIn(db, ALICE, null, { now: () => now });
    expect(await deleteLearner(ports, guard, ALICE)).toEqual({ ok: false, reason: 'signedIn' });
    await db.authSessions.clear();
    const deleted = await deleteLearner(ports, guard, ALICE);
    expect(deleted.ok).toBe(true);
    expect(await classMembers(db, classId)).toEqual([]);
    if (deleted.ok) await restoreLearner(ports, guard, deleted.deleted);
    expect((await classMembers(db, classId)).map((m) => m.display_name)).toEqual(['Zoë Martin']);
    await db.learners.update(ALICE, { source: 'remote', tenant_id: TENANT });
    expect(await renameLearner(ports, guard, ALICE, 'Z')).toEqual({ ok: false, reason: 'remote' });
  });
});
