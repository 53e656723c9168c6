import { z } from 'zod';
import { activitySchema } from '../../shared/schemas/activity';
import { lessonSchema, rosterResponseSchema } from '../../shared/schemas/catalog';
import { nonEmptyStringSchema } from '../../shared/schemas/common';
import { vrPackageSchema } from '../../shared/schemas/vr-package';

/**
 * What the remote "knows" before any learner does anything: the catalog the kiosk pulls, plus the few
 * facts the seed APIs check writes against (which SCORM packages exist, how many questions an exercise
 * has). Given at start and not stored, so a restart must be given the same seed.
 */
export const catalogSeedSchema = z.object({
  tenant_id: rosterResponseSchema.shape.tenant_id,
  /** The lesson-plays API's client (organisation); every roster learner is one of its users. */
  client_id: nonEmptyStringSchema,
  learners: rosterResponseSchema.shape.learners,
  vr_packages: z.array(vrPackageSchema),
  activities: z.array(activitySchema),
  lessons: z.array(lessonSchema),
  /** SCORM package ids that can be launched; launching any other is 404. */
  scorm_package_ids: z.array(nonEmptyStringSchema),
  /**
   * Questions per exercise or quiz, keyed by content_id (or node_id / quiz_id when there is no
   * content_id). do_all and quiz mastery cannot be decided without it; the API's requests never carry it.
   */
  content_item_counts: z.record(z.string(), z.number().int().positive()).default({}),
});
export type CatalogSeed = z.input<typeof catalogSeedSchema>;
export type ParsedCatalogSeed = z.output<typeof catalogSeedSchema>;

// Ids shared with test/support/local-api-fixture.ts where they overlap, so a sync test can push what the
// local API recorded straight to this server.
export const SEED_TENANT = '0b7c5f3e-1d2a-4c8b-9e6f-3a2b1c0d9e8f';
export const SEED_CLIENT = 'outpost-school';
export const SEED_ALICE = 'a11ce000-0000-4000-8000-000000000001';
export const SEED_BOB = 'b0b00000-0000-4000-8000-000000000002';
export const SEED_TEACHER = '7eac0000-0000-4000-8000-000000000009';
export const SEED_SAFETY_PKG = 'c0ffee00-0000-4000-8000-000000000003';
export const SEED_CHEM_PKG = 'c0ffee00-0000-4000-8000-000000000004';
export const SEED_FIRE_ACTIVITY = 'ac000000-0000-4000-8000-000000000005';
export const SEED_SCORM_ACTIVITY = 'ac000000-0000-4000-8000-000000000006';
export const SEED_EXERCISE_ACTIVITY = 'ac000000-0000-4000-8000-000000000007';
export const SEED_SCORM_PKG = 'pkg_abc123';
export const SEED_EXERCISE = '2f6b8c0d1e3a4b5c6d7e8f9a0b1c2d3e';
export const SEED_QUIZ = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d';
export const SEED_LESSON = 'lesson789';

/** A small school: two learners and a teacher, two VR packages, one SCORM course, one exercise, one lesson. */
export function defaultCatalogSeed(): CatalogSeed {
  return {
    tenant_id: SEED_TENANT,
    client_id: SEED_CLIENT,
    learners: [
      { id: SEED_ALICE, display_name: 'Alice Wong', role: 'learner' },
      { id: SEED_BOB, display_name: 'Bob Chen', role: 'learner' },
      { id: SEED_TEACHER, display_name: 'Ms Rivera', role: 'instructor' },
    ],
    vr_packages: [
      { id: SEED_SAFETY_PKG, title: 'Safety Training VR', version: '1.0.0', target_platforms: ['quest2', 'quest3'] },
      { id: SEED_CHEM_PKG, title: 'Chemistry Lab', version: '2.0.0', target_platforms: ['quest3'] },
    ],
    activities: [
      { id: SEED_FIRE_ACTIVITY, title: 'Fire drill', type: 'vr_apk', vr_package_id: SEED_SAFETY_PKG },
      { id: SEED_SCORM_ACTIVITY, title: 'Onboarding', type: 'scorm', scorm_package_id: SEED_SCORM_PKG },
      { id: SEED_EXERCISE_ACTIVITY, title: 'Fractions practice', type: 'content', node_id: SEED_EXERCISE },
    ],
    lessons: [
      {
        id: SEED_LESSON,
        title: { en: 'Pure Yoga', 'zh-Hant': '純瑜伽', 'zh-Hans': '纯瑜伽' },
        workoutCategory: 'ENGAGEMENT',
        sessions: [{ title: { en: 'Warmup', 'zh-Hant': '熱身', 'zh-Hans': '热身' } }, { title: { en: 'Workout', 'zh-Hant': '運動', 'zh-Hans': '运动' } }],
      },
    ],
    scorm_package_ids: [SEED_SCORM_PKG],
    content_item_counts: { [SEED_EXERCISE]: 4, [SEED_QUIZ]: 3 },
  };
}
