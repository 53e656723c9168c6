import type { RosterImport } from '../../../shared/schemas/learner';
import type { OutpostDb } from '../db/outpost-db';
import type { LearnerRow } from '../db/rows';

/**
 * Adds or updates every learner of a checked class list in one transaction. PINs are the kiosk's own
 * (the file never carries them), so a re-import keeps the ones an instructor already set.
 */
export async function importRoster(db: OutpostDb, roster: RosterImport, now: Date): Promise<number> {
  const at = now.toISOString();
  return db.transaction('rw', db.learners, async () => {
    const existing = await db.learners.bulkGet(roster.learners.map((learner) => learner.id));
    const rows: LearnerRow[] = roster.learners.map((learner, index) => ({
      id: learner.id,
      tenant_id: roster.tenant_id,
      display_name: learner.display_name,
      role: learner.role,
      pin: existing[index]?.pin ?? null,
      updated_at: at,
    }));
    await db.learners.bulkPut(rows);
    return rows.length;
  });
}
