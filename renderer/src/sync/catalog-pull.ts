import type { z } from 'zod';
import { activitySchema } from '../../../shared/schemas/activity';
import { catalogEnvelopeSchemas, lessonSchema, parseCatalogItems, rosterResponseSchema } from '../../../shared/schemas/catalog';
import { vrPackageSchema } from '../../../shared/schemas/vr-package';
import { applyCatalog } from '../data/catalog';
import type { DataPorts } from '../data/data-ports';
import { releaseLocalPackageIfKnown } from '../data/vr-package-release';
import type { RemotePort } from './sync-engine';

export type CatalogPullResult =
  | { ok: true; counts: { learners: number; packages: number; activities: number; lessons: number }; skipped: number; proposedRemovals: number }
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
 * in one transaction (data/catalog.ts), so a kiosk is never left half-prepared. Items this build cannot use
 * are skipped and counted rather than failing the pull. Nothing is deleted: learners the remote no longer
 * lists are proposed for removal and wait for an instructor.
 */
export async function pullCatalog(ports: DataPorts, remote: RemotePort): Promise<CatalogPullResult> {
  try {
    const roster = await fetchJson(remote, '/api/roster', rosterResponseSchema);
    const packages = parseCatalogItems(vrPackageSchema, (await fetchJson(remote, '/api/vr-packages', catalogEnvelopeSchemas.packages)).packages);
    const activities = parseCatalogItems(activitySchema, (await fetchJson(remote, '/api/activities', catalogEnvelopeSchemas.activities)).activities);
    const lessons = parseCatalogItems(lessonSchema, (await fetchJson(remote, '/api/lessons', catalogEnvelopeSchemas.lessons)).lessons);
    const applied = await applyCatalog(ports, { roster, packages: packages.items, activities: activities.items, lessons: lessons.items });
    // A package imported here that the remote now lists (or lists under the same Android name) is sent at last.
    await releaseLocalPackageIfKnown(ports, packages.items);
    return {
      ok: true,
      counts: { learners: roster.learners.length, packages: packages.items.length, activities: activities.items.length, lessons: lessons.items.length },
      skipped: packages.refused.length + activities.refused.length + lessons.refused.length,
      proposedRemovals: applied.proposedRemovals.length,
    };
  } catch (error) {
    if (error instanceof PullFailure) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'failed', message: (error as Error).message };
  }
}
