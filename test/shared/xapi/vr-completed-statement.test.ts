import { describe, expect, it } from 'vitest';
import { validateStatement } from '../../../shared/xapi/validate-statement';
import type { VrCompletedStatementInput } from '../../../shared/xapi/vr-completed-statement';
import { buildVrCompletedStatement } from '../../../shared/xapi/vr-completed-statement';

const NOW = '2025-01-15T11:30:00.000Z';

function input(overrides: Partial<VrCompletedStatementInput> = {}): VrCompletedStatementInput {
  return {
    statementId: '7ccd3322-e1a5-411a-a67d-6a735c76f119',
    timestamp: NOW,
    actor: { accountHomePage: 'https://api.allurelms.com', userId: '9b2f3c1e-5d4a-4e8b-a7c6-1f2e3d4c5b6a' },
    activity: { id: 'https://api.allurelms.com/vr-packages/3f9a8b7c-6d5e-4f3a-8b2c-1d0e9f8a7b6c', title: 'Safety Training VR' },
    score: null,
    success: null,
    timeSpentSeconds: null,
    ...overrides,
  };
}

describe('buildVrCompletedStatement', () => {
  it('builds a self-reported completion without score, success or duration', () => {
    const statement = buildVrCompletedStatement(input());
    expect(statement).toEqual({
      id: '7ccd3322-e1a5-411a-a67d-6a735c76f119',
      actor: {
        objectType: 'Agent',
        account: { homePage: 'https://api.allurelms.com', name: '9b2f3c1e-5d4a-4e8b-a7c6-1f2e3d4c5b6a' },
      },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: 'https://api.allurelms.com/vr-packages/3f9a8b7c-6d5e-4f3a-8b2c-1d0e9f8a7b6c',
        definition: { type: 'http://activitystrea.ms/schema/1.0/application', name: { 'en-US': 'Safety Training VR' } },
      },
      result: { completion: true },
      timestamp: NOW,
    });
    // The client leaves `version` to the LRS.
    expect(statement).not.toHaveProperty('version');
    expect(statement.result).not.toHaveProperty('score');
    expect(statement.result).not.toHaveProperty('success');
    expect(statement).not.toHaveProperty('context');
    expect(validateStatement(statement, { now: new Date(NOW) })).toEqual({ valid: true });
  });

  it('includes the score on a 0-100 scale, success as given and the duration', () => {
    const statement = buildVrCompletedStatement(
      input({ score: { raw: 85, max: 100, scaled: 0.85 }, success: true, timeSpentSeconds: 1800 }),
    );
    expect(statement.result).toEqual({
      completion: true,
      success: true,
      score: { scaled: 0.85, raw: 85, min: 0, max: 100 },
      duration: 'PT30M',
    });
    expect(validateStatement(statement, { now: new Date(NOW) })).toEqual({ valid: true });
  });

  it('passes success through rather than deciding it', () => {
    const failed = buildVrCompletedStatement(input({ score: { raw: 55, max: 100, scaled: 0.55 }, success: false }));
    expect(failed.result?.success).toBe(false);
    const lenient = buildVrCompletedStatement(input({ score: { raw: 55, max: 100, scaled: 0.55 }, success: true }));
    expect(lenient.result?.success).toBe(true);
  });

  it('adds the learner name, title locale, registration and context activities when given', () => {
    const statement = buildVrCompletedStatement(
      input({
        actor: { accountHomePage: 'https://api.allurelms.com', userId: 'u-1', name: '王小明' },
        activity: { id: 'https://api.allurelms.com/vr-packages/p1', title: '消防安全', locale: 'zh-Hans' },
        registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
        contextActivities: { parent: [{ objectType: 'Activity', id: 'https://api.allurelms.com/activities/a1' }] },
        timeSpentSeconds: 3725.5,
      }),
    );
    expect(statement.actor).toEqual({
      objectType: 'Agent',
      name: '王小明',
      account: { homePage: 'https://api.allurelms.com', name: 'u-1' },
    });
    expect(statement.object).toMatchObject({ definition: { name: { 'zh-Hans': '消防安全' } } });
    expect(statement.context).toEqual({
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      contextActivities: { parent: [{ objectType: 'Activity', id: 'https://api.allurelms.com/activities/a1' }] },
    });
    expect(statement.result?.duration).toBe('PT1H2M5.5S');
    expect(validateStatement(statement)).toEqual({ valid: true });
  });

  it('builds statements the validator rejects when fed bad ids, so callers must validate', () => {
    const statement = buildVrCompletedStatement(input({ statementId: 'abc123', registration: 'local:abc123' }));
    const outcome = validateStatement(statement);
    expect(outcome.valid ? [] : outcome.errors.map((error) => error.path)).toEqual(['id', 'context.registration']);
  });

  it('refuses a negative time spent', () => {
    expect(() => buildVrCompletedStatement(input({ timeSpentSeconds: -5 }))).toThrow(RangeError);
  });
});
