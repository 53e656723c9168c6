import { describe, expect, it } from 'vitest';
import { validateStatementRef } from '../../../shared/xapi/validate-statement-ref';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function ref(value: unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateStatementRef(value, 'object', errors);
  return errors;
}

describe('validateStatementRef', () => {
  it('accepts objectType StatementRef with a UUID', () => {
    expect(ref({ objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' })).toEqual([]);
  });

  it('requires both properties and nothing else', () => {
    expect(ref({ id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' })).toEqual([
      { path: 'object.objectType', message: 'must be "StatementRef"' },
    ]);
    expect(ref({ objectType: 'StatementRef' })).toEqual([{ path: 'object.id', message: 'is required' }]);
    expect(ref({ objectType: 'StatementRef', id: 'abc' })[0]?.path).toBe('object.id');
    expect(ref({ objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0', verb: {} })).toEqual([
      { path: 'object.verb', message: 'unknown property' },
    ]);
  });
});
