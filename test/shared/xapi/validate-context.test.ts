import { describe, expect, it } from 'vitest';
import { validateContext } from '../../../shared/xapi/validate-context';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function context(value: unknown, objectIsActivity = true): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateContext(value, 'context', errors, objectIsActivity);
  return errors;
}
const parent = { objectType: 'Activity', id: 'https://outpost.example/activities/42' };

describe('validateContext', () => {
  it('accepts every property when the object is an Activity', () => {
    expect(
      context({
        registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
        instructor: { account: { homePage: 'https://outpost.example', name: 'teacher-1' } },
        team: { objectType: 'Group', mbox: 'mailto:team@example.com' },
        contextActivities: { parent: [parent], grouping: parent, category: [], other: [parent, parent] },
        revision: '1.0.0',
        platform: 'Meta Quest 3',
        language: 'zh-Hans',
        statement: { objectType: 'StatementRef', id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' },
        extensions: { 'https://outpost.example/ext/classroom': 'A' },
      }),
    ).toEqual([]);
  });

  it('refuses revision and platform when the object is not an Activity', () => {
    expect(context({ revision: '2', platform: 'Quest' }, false)).toEqual([
      { path: 'context.revision', message: "may only be used when the statement's object is an Activity" },
      { path: 'context.platform', message: "may only be used when the statement's object is an Activity" },
    ]);
  });

  it('checks registration, language, team, statement and contextActivities', () => {
    expect(context({ registration: 'local:abc' })[0]?.path).toBe('context.registration');
    expect(context({ language: 'zh_CN' })[0]?.path).toBe('context.language');
    expect(context({ team: { mbox: 'mailto:team@example.com' } })[0]?.path).toBe('context.team.objectType');
    expect(context({ statement: { id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee' } })[0]?.path).toBe('context.statement.objectType');
    expect(context({ contextActivities: { parents: [parent] } })).toEqual([
      { path: 'context.contextActivities.parents', message: 'unknown property' },
    ]);
    expect(context({ contextActivities: { parent: [{ id: 'lesson-42' }] } })[0]?.path).toBe('context.contextActivities.parent.0.id');
    expect(context({ contextActivities: { parent: 'https://outpost.example/activities/42' } })[0]?.path).toBe(
      'context.contextActivities.parent',
    );
  });
});
