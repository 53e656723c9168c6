import { describe, expect, it } from 'vitest';
import {
  checkBoolean,
  checkExtensions,
  checkIri,
  checkKnownKeys,
  checkLanguageMap,
  checkNumber,
  checkObject,
  checkUuid,
  isJsonObject,
} from '../../../shared/xapi/field-checks';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function run(check: (errors: XapiValidationErrors) => unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  check(errors);
  return errors;
}

describe('field checks', () => {
  it('tells objects from arrays and null', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(run((e) => checkObject([], 'x', e))).toEqual([{ path: 'x', message: 'must be an object, got an array' }]);
  });

  it('rejects null with its own message (Data 2.2.s4.b1.b1)', () => {
    expect(run((e) => checkObject(null, 'context', e))).toEqual([{ path: 'context', message: 'must not be null' }]);
  });

  it('does not coerce strings to numbers or booleans', () => {
    expect(run((e) => checkNumber('85', 'raw', e))[0]?.message).toBe('must be a finite number, got a string');
    expect(run((e) => checkNumber(Number.NaN, 'raw', e))).toHaveLength(1);
    expect(run((e) => checkBoolean('true', 'success', e))[0]?.message).toBe('must be a boolean, got a string');
  });

  it('reports unknown keys, hinting at a case mismatch', () => {
    expect(run((e) => checkKnownKeys({ id: 1, Display: 2, foo: 3 }, ['id', 'display'], 'verb', e))).toEqual([
      { path: 'verb.Display', message: 'unknown property; keys are case-sensitive, expected "display"' },
      { path: 'verb.foo', message: 'unknown property' },
    ]);
  });

  it('rejects the empty string where a format is required (Data 2.2.s4.b1.b4)', () => {
    expect(run((e) => checkIri('', 'verb.id', e))).toHaveLength(1);
    expect(run((e) => checkUuid('', 'id', e))).toHaveLength(1);
  });

  it('checks language maps: tags as keys, strings as values, at least one entry', () => {
    expect(run((e) => checkLanguageMap({ 'en-US': 'completed', 'zh-Hans': '完成' }, 'd', e))).toEqual([]);
    expect(run((e) => checkLanguageMap({}, 'd', e))).toEqual([{ path: 'd', message: 'language map must have at least one entry' }]);
    expect(run((e) => checkLanguageMap({ en_US: 'x', en: 5 }, 'd', e))).toEqual([
      { path: 'd.en_US', message: 'key is not a well-formed RFC 5646 language tag' },
      { path: 'd.en', message: 'must be a string, got a number' },
    ]);
    expect(run((e) => checkLanguageMap('completed', 'd', e))).toHaveLength(1);
  });

  it('checks extension keys but accepts any value, null included (Data 4.1.s3)', () => {
    expect(run((e) => checkExtensions({ 'http://x.example/ext': null }, 'x', e))).toEqual([]);
    expect(run((e) => checkExtensions({ speed: 1 }, 'x', e))).toEqual([
      { path: 'x.speed', message: 'extension key must be an absolute IRI' },
    ]);
  });
});
