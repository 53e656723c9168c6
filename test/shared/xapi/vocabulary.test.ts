import { describe, expect, it } from 'vitest';
import { isIri } from '../../../shared/xapi/iri';
import {
  XAPI_ACTIVITY_TYPE_APPLICATION,
  XAPI_SPEC_VERSION,
  XAPI_STATEMENT_VERSION,
  XAPI_VERB_COMPLETED,
} from '../../../shared/xapi/vocabulary';

describe('xAPI vocabulary', () => {
  it('uses the established IRIs', () => {
    expect(XAPI_VERB_COMPLETED).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(XAPI_ACTIVITY_TYPE_APPLICATION).toBe('http://activitystrea.ms/schema/1.0/application');
    expect(isIri(XAPI_VERB_COMPLETED)).toBe(true);
    expect(isIri(XAPI_ACTIVITY_TYPE_APPLICATION)).toBe(true);
  });

  it('sets statement version 1.0.0 while following 1.0.3 (Data 2.4.10.s4.b1)', () => {
    expect(XAPI_STATEMENT_VERSION).toBe('1.0.0');
    expect(XAPI_SPEC_VERSION).toBe('1.0.3');
  });
});
