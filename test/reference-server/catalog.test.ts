import { describe, expect, it } from 'vitest';
import { activitiesResponseSchema, lessonsResponseSchema, rosterResponseSchema, vrPackagesResponseSchema } from '../../shared/schemas/catalog';
import { defaultCatalogSeed, SEED_SAFETY_PKG, SEED_TENANT } from './catalog-seed';
import type { CatalogSeed } from './catalog-seed';
import { startReferenceServer } from './server';
import { useTestServer } from './use-test-server';

const t = useTestServer();

describe('catalog pull', () => {
  it('serves the seed as packages, activities, roster and lessons, each valid against shared/schemas/catalog', async () => {
    const seed = defaultCatalogSeed();
    const packages = await t.call('GET', '/api/vr-packages', { token: t.token });
    expect(vrPackagesResponseSchema.parse(packages.body)).toEqual({ packages: seed.vr_packages });
    const activities = await t.call('GET', '/api/activities', { token: t.token });
    expect(activitiesResponseSchema.parse(activities.body).activities.map((a) => a.type)).toEqual(['vr_apk', 'scorm', 'content']);
    const roster = await t.call('GET', '/api/roster', { token: t.token });
    expect(rosterResponseSchema.parse(roster.body)).toEqual({ tenant_id: SEED_TENANT, learners: seed.learners });
    const lessons = await t.call('GET', '/api/lessons', { token: t.token });
    expect(lessonsResponseSchema.parse(lessons.body).lessons[0]).toMatchObject({ id: 'lesson789', workoutCategory: 'ENGAGEMENT' });
  });

  it('needs a live token, answered like the VR APIs', async () => {
    for (const path of ['/api/vr-packages', '/api/activities', '/api/roster', '/api/lessons']) {
      expect(await t.call('GET', path)).toMatchObject({ status: 401, body: { error: 'Authentication required', code: 'UNAUTHORIZED' } });
    }
  });

  it('refuses to start with a malformed seed', async () => {
    const seed: CatalogSeed = { ...defaultCatalogSeed(), vr_packages: [{ id: SEED_SAFETY_PKG, title: 'x', version: '1', target_platforms: ['vive' as 'quest'] }] };
    await expect(startReferenceServer({ dataDir: t.dataDir, seed })).rejects.toThrow(/target_platforms/);
  });
});
