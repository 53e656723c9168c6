import { describe, expect, it } from 'vitest';
import {
  activitiesResponseSchema,
  catalogEnvelopeSchemas,
  lessonSchema,
  lessonsResponseSchema,
  parseCatalogItems,
  rosterResponseSchema,
  vrPackagesResponseSchema,
} from '../../../shared/schemas/catalog';
import { activitySchema } from '../../../shared/schemas/activity';
import { rejectionPaths } from './fixtures/rejection';

const PKG = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
const ACTIVITY = '7d0c5b9e-2f4a-4c1b-9e8d-6a5b4c3d2e1f';
const TENANT = '550e8400-e29b-41d4-a716-446655440000';
const safety = { id: PKG, title: 'Safety Training VR', version: '1.0.0', target_platforms: ['quest2', 'quest3'] };

describe('catalog responses', () => {
  it('accepts each list in its envelope', () => {
    expect(vrPackagesResponseSchema.parse({ packages: [safety] })).toEqual({ packages: [safety] });
    const activity = { id: ACTIVITY, title: 'Fire drill', type: 'vr_apk', vr_package_id: PKG };
    expect(activitiesResponseSchema.parse({ activities: [activity] })).toEqual({ activities: [activity] });
    expect(lessonsResponseSchema.parse({ lessons: [] })).toEqual({ lessons: [] });
  });

  it('serves the roster in the roster import shape, role defaulting to learner', () => {
    const roster = rosterResponseSchema.parse({ tenant_id: TENANT, learners: [{ id: ACTIVITY, display_name: 'Alice Wong' }] });
    expect(roster).toEqual({ tenant_id: TENANT, learners: [{ id: ACTIVITY, display_name: 'Alice Wong', role: 'learner' }] });
    expect(rejectionPaths(rosterResponseSchema, { tenant_id: 'gofa', learners: [] })).toEqual(['tenant_id', 'learners']);
  });

  it('requires a lesson id and keeps the rest of the lesson configuration as sent', () => {
    const lesson = { id: 'lesson789', title: { en: 'Pure Yoga' }, workoutCategory: 'ENGAGEMENT', sessions: [{ title: { en: 'Warmup' } }] };
    expect(lessonSchema.parse(lesson)).toEqual(lesson);
    expect(rejectionPaths(lessonSchema, { title: { en: 'No id' } })).toEqual(['id']);
  });

  it('refuses a whole list when one item is malformed', () => {
    expect(rejectionPaths(vrPackagesResponseSchema, { packages: [safety, { ...safety, target_platforms: ['vive'] }] })).toEqual([
      'packages.1.target_platforms.0',
    ]);
  });
});

describe('parseCatalogItems', () => {
  it('keeps the items that parse and reports the others by index', () => {
    const envelope = catalogEnvelopeSchemas.activities.parse({
      activities: [
        { id: ACTIVITY, title: 'Fire drill', type: 'vr_apk', vr_package_id: PKG },
        { id: ACTIVITY, title: 'Hologram', type: 'hologram' },
      ],
    });
    const { items, refused } = parseCatalogItems(activitySchema, envelope.activities);
    expect(items.map((a) => a.title)).toEqual(['Fire drill']);
    expect(refused).toEqual([{ index: 1, issues: [expect.objectContaining({ path: ['type'] })] }]);
  });
});
