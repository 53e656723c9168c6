import { describe, expect, it } from 'vitest';
import { validateStatement } from '../../../shared/xapi/validate-statement';

const STATEMENT_ID = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';

function baseStatement(): Record<string, unknown> {
  return {
    id: STATEMENT_ID,
    actor: { objectType: 'Agent', name: 'Ada', account: { homePage: 'https://outpost.example', name: 'user-1' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: 'https://outpost.example/vr-packages/1',
      definition: { type: 'http://activitystrea.ms/schema/1.0/application', name: { 'en-US': 'Safety Training VR' } },
    },
    result: { completion: true, success: true, score: { scaled: 0.85, raw: 85, min: 0, max: 100 }, duration: 'PT30M' },
    context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
    timestamp: '2025-01-15T11:30:00.000Z',
    version: '1.0.0',
  };
}

/** The base statement with `patch` applied at a dotted path; `undefined` deletes the property. */
function withChange(path: string, patch: unknown): Record<string, unknown> {
  const statement = baseStatement();
  const keys = path.split('.');
  const last = keys.pop() as string;
  let target = statement;
  for (const key of keys) target = target[key] as Record<string, unknown>;
  if (patch === undefined) delete target[last];
  else target[last] = patch;
  return statement;
}

function errorPaths(statement: unknown): string[] {
  const outcome = validateStatement(statement);
  return outcome.valid ? [] : outcome.errors.map((error) => error.path);
}

describe('validateStatement', () => {
  it('accepts a valid statement, and the minimal one from the spec', () => {
    expect(validateStatement(baseStatement())).toEqual({ valid: true });
    expect(
      validateStatement({
        actor: { mbox: 'mailto:xapi@adlnet.gov' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/created', display: { 'en-US': 'created' } },
        object: { id: 'http://example.adlnet.gov/xapi/example/activity' },
      }),
    ).toEqual({ valid: true });
  });

  it('accepts LRS-set properties and any 1.0.x version', () => {
    const statement = {
      ...baseStatement(),
      stored: '2025-01-15T11:30:01.000Z',
      authority: { objectType: 'Agent', account: { homePage: 'http://cloud.scorm.com/', name: 'anonymous' } },
      version: '1.0.3',
    };
    expect(validateStatement(statement)).toEqual({ valid: true });
  });

  it('rejects a non-object', () => {
    expect(validateStatement(null)).toEqual({ valid: false, errors: [{ path: '', message: 'must not be null' }] });
    expect(errorPaths([])).toEqual(['']);
  });

  it('reports every violation with its path and message', () => {
    const outcome = validateStatement({ ...baseStatement(), id: 'not-a-uuid', extra: true });
    expect(outcome).toEqual({
      valid: false,
      errors: [
        { path: 'extra', message: 'unknown property' },
        { path: 'id', message: 'must be an RFC 4122 UUID in standard string form, got "not-a-uuid"' },
      ],
    });
  });

  // Each row replaces one top-level property and expects exactly one error, at the given path.
  it.each([
    ['a bad UUID', 'id', '12345', 'id'],
    ['an actor with two IFIs', 'actor', { mbox: 'mailto:a@example.com', account: { homePage: 'https://o.example', name: 'u' } }, 'actor'],
    ['an actor without IFI', 'actor', { name: 'Ada' }, 'actor'],
    ['an mbox without mailto:', 'actor', { mbox: 'ada@example.com' }, 'actor.mbox'],
    ['a verb without id', 'verb', { display: { 'en-US': 'completed' } }, 'verb.id'],
    ['a verb id that is not an IRI', 'verb', { id: 'completed' }, 'verb.id'],
    ['an object id that is not an IRI', 'object', { id: 'vr-packages/1' }, 'object.id'],
    ['an unknown object type', 'object', { objectType: 'Thing', id: 'http://x.example/a' }, 'object.objectType'],
    ['scaled 1.5', 'result', { completion: true, score: { scaled: 1.5 } }, 'result.score.scaled'],
    ['raw above max', 'result', { score: { raw: 101, min: 0, max: 100 } }, 'result.score.raw'],
    ['min equal to max', 'result', { score: { min: 100, max: 100 } }, 'result.score.min'],
    ['duration "P1H"', 'result', { duration: 'P1H' }, 'result.duration'],
    ['completion as a string', 'result', { completion: 'true' }, 'result.completion'],
    ['a null result', 'result', null, 'result'],
    ['a registration that is not a UUID', 'context', { registration: 'abc' }, 'context.registration'],
    ['a context language that is not a tag', 'context', { language: 'en_US' }, 'context.language'],
    ['a bad timestamp', 'timestamp', '2025-01-15 11:30:00', 'timestamp'],
    ['an impossible timestamp', 'timestamp', '2025-02-30T10:00:00Z', 'timestamp'],
    ['version 1.1.0', 'version', '1.1.0', 'version'],
    ['version 2.0.0', 'version', '2.0.0', 'version'],
  ])('rejects %s', (_label, key, value, expectedPath) => {
    expect(errorPaths(withChange(key, value))).toEqual([expectedPath]);
  });

  it('rejects a verb display keyed by an invalid language tag', () => {
    expect(errorPaths(withChange('verb.display', { en_US: 'completed' }))).toEqual(['verb.display.en_US']);
    expect(errorPaths(withChange('verb.display', { 'en US': 'completed' }))).toEqual(['verb.display["en US"]']);
  });

  it('rejects a missing actor, verb or object', () => {
    expect(errorPaths(withChange('actor', undefined))).toEqual(['actor']);
    expect(errorPaths(withChange('verb', undefined))).toEqual(['verb']);
    expect(errorPaths(withChange('object', undefined))).toEqual(['object']);
  });

  it('rejects unknown top-level properties, including wrongly cased ones', () => {
    expect(validateStatement({ ...baseStatement(), Timestamp: '2025-01-15T11:30:00Z' })).toEqual({
      valid: false,
      errors: [{ path: 'Timestamp', message: 'unknown property; keys are case-sensitive, expected "timestamp"' }],
    });
    expect(errorPaths({ ...baseStatement(), objectType: 'Statement' })).toEqual(['objectType']);
  });

  it('rejects revision and platform when the object is not an Activity', () => {
    const agentObject = { objectType: 'Agent', mbox: 'mailto:ben@example.com' };
    const statement = { ...withChange('object', agentObject), context: { revision: '2', platform: 'Quest 3' } };
    expect(errorPaths(statement)).toEqual(['context.revision', 'context.platform']);
    expect(errorPaths({ ...baseStatement(), context: { revision: '2', platform: 'Quest 3' } })).toEqual([]);
  });

  it('requires objectType on an Agent or Group object', () => {
    expect(errorPaths(withChange('object', { mbox: 'mailto:ben@example.com' }))).toEqual(['object.objectType']);
    expect(errorPaths(withChange('object', { objectType: 'Agent', mbox: 'mailto:ben@example.com' }))).toEqual([]);
    expect(errorPaths(withChange('object', { objectType: 'Group', member: [{ mbox: 'mailto:ben@example.com' }] }))).toEqual([]);
  });

  it('accepts a StatementRef object and checks its id', () => {
    const ref = { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' };
    expect(errorPaths({ ...withChange('object', ref), context: undefined })).toEqual([]);
    expect(errorPaths(withChange('object', { ...ref, id: 'nope' }))).toContain('object.id');
  });

  describe('SubStatement objects', () => {
    const subStatement = {
      objectType: 'SubStatement',
      actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
      verb: { id: 'http://example.com/visited', display: { 'en-US': 'will visit' } },
      object: { objectType: 'Activity', id: 'http://example.com/website' },
      timestamp: '2999-01-01T00:00:00Z',
    };

    it('accepts a SubStatement, even one dated in the future', () => {
      const statement: Record<string, unknown> = { ...baseStatement(), object: subStatement };
      delete statement.context;
      expect(validateStatement(statement, { now: new Date('2025-01-15T12:00:00Z') })).toEqual({ valid: true });
    });

    it('validates it as a statement and refuses id, stored, version, authority and nesting', () => {
      expect(errorPaths(withChange('object', { ...subStatement, verb: { id: 'visited' } }))).toContain('object.verb.id');
      expect(errorPaths(withChange('object', { ...subStatement, id: STATEMENT_ID, version: '1.0.0' }))).toEqual([
        'object.id',
        'object.version',
      ]);
      expect(errorPaths(withChange('object', { ...subStatement, object: { ...subStatement } }))).toEqual([
        'object.object.objectType',
      ]);
      const aboutAnAgent = { ...subStatement, context: { platform: 'x' }, object: { objectType: 'Agent', mbox: 'mailto:a@b.c' } };
      expect(errorPaths(withChange('object', aboutAnAgent))).toEqual(['object.context.platform']);
    });
  });

  describe('the timestamp', () => {
    const now = new Date('2025-01-15T11:30:00.000Z');

    it('may equal now but not be later (Data 2.4.7.s3.b4)', () => {
      expect(validateStatement(baseStatement(), { now })).toEqual({ valid: true });
      const future = withChange('timestamp', '2025-01-15T11:30:00.001Z');
      expect(validateStatement(future, { now })).toEqual({
        valid: false,
        errors: [{ path: 'timestamp', message: 'must not be in the future' }],
      });
      expect(validateStatement(future)).toEqual({ valid: true });
    });

    it('compares instants across offsets', () => {
      expect(validateStatement(withChange('timestamp', '2025-01-15T19:30:00+08:00'), { now })).toEqual({ valid: true });
      expect(validateStatement(withChange('timestamp', '2025-01-15T19:31:00+08:00'), { now }).valid).toBe(false);
    });
  });

  it('checks stored, authority and attachments', () => {
    expect(errorPaths({ ...baseStatement(), stored: 'yesterday' })).toEqual(['stored']);
    expect(errorPaths({ ...baseStatement(), authority: { name: 'LRS' } })).toEqual(['authority']);
    expect(errorPaths({ ...baseStatement(), attachments: [{}] })).toContain('attachments.0.usageType');
  });
});
