import { describe, expect, it } from 'vitest';
import { validateVerb } from '../../../shared/xapi/validate-verb';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function verb(value: unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateVerb(value, 'verb', errors);
  return errors;
}

describe('validateVerb', () => {
  it('accepts an IRI id, with or without display', () => {
    expect(verb({ id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', es: 'completado' } })).toEqual([]);
    expect(verb({ id: 'http://adlnet.gov/expapi/verbs/completed' })).toEqual([]);
  });

  it('rejects a missing or non-IRI id, a bad display and unknown keys', () => {
    expect(verb({ display: { en: 'x' } })).toEqual([{ path: 'verb.id', message: 'is required' }]);
    expect(verb({ id: 'completed' })[0]?.path).toBe('verb.id');
    expect(verb({ id: 'http://x.example/v', display: { en_US: 'completed' } })).toEqual([
      { path: 'verb.display.en_US', message: 'key is not a well-formed RFC 5646 language tag' },
    ]);
    expect(verb({ id: 'http://x.example/v', display: {} })[0]?.path).toBe('verb.display');
    expect(verb({ id: 'http://x.example/v', name: { en: 'x' } })).toEqual([{ path: 'verb.name', message: 'unknown property' }]);
  });
});
