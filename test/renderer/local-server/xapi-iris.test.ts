import { describe, expect, it } from 'vitest';
import { xapiIris } from '../../../renderer/src/local-server/xapi-iris';
import { activityIri, LEARNER_ACCOUNT_HOME_PAGE, OUTPOST_XAPI_BASE, vrPackageActivityIri } from '../../../shared/xapi/outpost-iris';

describe('xapiIris', () => {
  it('is the same before and after an address is set, whatever was typed: no address text reaches an IRI', () => {
    const before = xapiIris(null);
    for (const typed of ['https://LMS.Example.org/', 'https://user:secret@lms.example.org/?k=1', 'https://lms.example.org/a b/<x>']) {
      expect(xapiIris(typed)).toEqual(before);
    }
    expect(before).toEqual({ accountHomePage: LEARNER_ACCOUNT_HOME_PAGE, activityIriBase: OUTPOST_XAPI_BASE });
  });

  it('names everything under one never-resolving .invalid namespace, built with the URL API', () => {
    expect(new URL(OUTPOST_XAPI_BASE).hostname).toBe('outpost.invalid');
    expect(LEARNER_ACCOUNT_HOME_PAGE).toBe('https://outpost.invalid/learners');
    expect(vrPackageActivityIri('9ac00000-0000-4000-8000-000000000001')).toBe('https://outpost.invalid/vr-packages/9ac00000-0000-4000-8000-000000000001');
    // A hand-imported package's id is encoded, never able to reshape the IRI.
    expect(activityIri('a/../b c')).toBe('https://outpost.invalid/activities/a%2F..%2Fb%20c');
  });
});
