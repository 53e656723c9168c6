import { describe, expect, it } from 'vitest';
import { activityProgressSchema, activitySchema } from '../../../shared/schemas/activity';
import { rejectionPaths } from './fixtures/rejection';

const ID = '7d0c5b9e-2f4a-4c1b-9e8d-6a5b4c3d2e1f';
const PACKAGE_ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';

describe('activitySchema', () => {
  it('accepts one activity of each type with its reference', () => {
    const activities = [
      { id: ID, title: 'Safety Training', type: 'vr_apk', vr_package_id: PACKAGE_ID },
      { id: ID, title: 'Onboarding', type: 'scorm', scorm_package_id: 'pkg_abc123' },
      { id: ID, title: 'Fractions video', type: 'content', node_id: '2f6b8c0d1e3a4b5c6d7e8f9a0b1c2d3e' },
    ];
    for (const activity of activities) expect(activitySchema.parse(activity)).toEqual(activity);
  });

  it('rejects a type without its package or node reference', () => {
    expect(rejectionPaths(activitySchema, { id: ID, title: 'x', type: 'vr_apk' })).toEqual(['vr_package_id']);
    expect(rejectionPaths(activitySchema, { id: ID, title: 'x', type: 'scorm' })).toEqual(['scorm_package_id']);
    expect(rejectionPaths(activitySchema, { id: ID, title: 'x', type: 'content' })).toEqual(['node_id']);
  });

  it('rejects an unknown type and a blank title', () => {
    expect(rejectionPaths(activitySchema, { id: ID, title: 'x', type: 'video' })).toEqual(['type']);
    expect(rejectionPaths(activitySchema, { id: ID, title: ' ', type: 'scorm', scorm_package_id: 'p' })).toEqual([
      'title',
    ]);
  });
});

describe('activityProgressSchema', () => {
  const progress = {
    id: ID,
    activity_id: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
    user_id: '3c2b1a09-8f7e-4d6c-b5a4-93827160f5e4',
    status: 'completed',
    score: 85,
    completed_at: '2025-01-15T11:30:00Z',
    time_spent_seconds: 1800,
    updated_at: '2025-01-15T11:30:00Z',
  };

  it('accepts a completed row and a not-started one', () => {
    expect(activityProgressSchema.parse(progress)).toEqual(progress);
    const fresh = { ...progress, status: 'not_started', score: null, completed_at: null, time_spent_seconds: 0 };
    expect(activityProgressSchema.parse(fresh)).toEqual(fresh);
  });

  it('rejects bad values on their paths', () => {
    expect(rejectionPaths(activityProgressSchema, { ...progress, status: 'done' })).toEqual(['status']);
    expect(rejectionPaths(activityProgressSchema, { ...progress, score: 101 })).toEqual(['score']);
    expect(rejectionPaths(activityProgressSchema, { ...progress, time_spent_seconds: 1.5 })).toEqual([
      'time_spent_seconds',
    ]);
    const { completed_at: _omitted, ...withoutCompletedAt } = progress;
    expect(rejectionPaths(activityProgressSchema, withoutCompletedAt)).toEqual(['completed_at']);
  });
});
