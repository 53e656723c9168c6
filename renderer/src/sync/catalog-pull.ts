import type { z } from 'zod';
import { activitySchema } from '../../../shared/schemas/activity';
import { catalogEnvelopeSchemas, lessonSchema, parseCatalogItems, rosterResponseSchema } from '../../../shared/schemas/catalog';
import { vrPackageSchema } from '../../../shared/schemas/vr-package';
import type { OutpostDb } from '../db/outpost-db';
import type { RemotePort } from './sync-engine';

export type CatalogPullResult =
  | { ok: true; counts: { learners: number; packages: number; activities: number; lessons: number }; skipped: number }
  | { ok: false; reason: 'auth' | 'offline' | 'failed'; message: string };

class PullFailure extends Error {
  constructor(readonly reason: 'auth' | 'offline' | 'failed', message: string) {
    super(message);
  }
}

async function fetchJson<T extends z.ZodType>(remote: RemotePort, path: string, schema: T): Promise<z.output<T>> {
  const result = await remote({ method: 'GET', path });
  if (result.kind === 'not_configured') throw new PullFailure('offline', 'No API is configured');
  if (result.kind !== 'response') throw new PullFailure('offline', result.kind === 'network' ? result.message : 'The remote did not answer in time');
  if (result.status === 401) throw new PullFailure('auth', 'Sign in again');
  if (result.status !== 200) throw new PullFailure('failed', `${path}: HTTP ${result.status}`);
  const parsed = schema.safeParse(result.body);
  if (!parsed.success) throw new PullFailure('failed', `${path}: unexpected answer`);
  return parsed.data;
}

/**
 * Downloads what a kiosk needs to work offline — roster, VR packages, activities, lessons — and stores it
 * in one transaction, so a kiosk is never left half-prepared. Items this build cannot use are skipped and
 * counted rather than failing the pull; local extras (imported APK details, learners' PINs) are kept.
 */
export async function pullCatalog(db: OutpostDb, remote: RemotePort, now: () => Date): Promise<CatalogPullResult> {
  try {
    const roster = await fetchJson(remote, '/api/roster', rosterResponseSchema);
    const packages = parseCatalogItems(vrPackageSchema, (await fetchJson(remote, '/api/vr-packages', catalogEnvelopeSchemas.packages)).packages);
    const activities = parseCatalogItems(activitySchema, (await fetchJson(remote, '/api/activities', catalogEnvelopeSchemas.activities)).activities);
    const lessons = parseCatalogItems(lessonSchema, (await fetchJson(remote, '/api/lessons', catalogEnvelopeSchemas.lessons)).lessons);
    const at = now().toISOString();
    await db.transaction('rw', [db.learners, db.vrPackages, db.activities, db.lessons], async () => {
      const existing = new Map((await db.learners.where('tenant_id').equals(roster.tenant_id).toArray()).map((l) => [l.id, l]));
      const pulled = new Set(roster.learners.map((l) => l.id));
      // Someone removed from the class list can no longer sign in here (their token then answers PROFILE_NOT_FOUND).
      await db.learners.bulkDelete([...existing.keys()].filter((id) => !pulled.has(id)));
      await db.learners.bulkPut(roster.learners.map((l) => ({ ...l, tenant_id: roster.tenant_id, updated_at: at, pin: existing.get(l.id)?.pin ?? null })));
      const local = new Map((await db.vrPackages.bulkGet(packages.items.map((p) => p.id))).flatMap((p) => (p ? [[p.id, p] as const] : [])));
      await db.vrPackages.bulkPut(packages.items.map((p) => ({ ...local.get(p.id), ...p })));
      await db.activities.bulkPut(activities.items);
      await db.lessons.bulkPut(lessons.items);
    });
    return {
      ok: true,
      counts: { learners: roster.learners.length, packages: packages.items.length, activities: activities.items.length, lessons: lessons.items.length },
      skipped: packages.refused.length + activities.refused.length + lessons.refused.length,
    };
  } catch (error) {
    if (error instanceof PullFailure) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'failed', message: (error as Error).message };
  }
}
