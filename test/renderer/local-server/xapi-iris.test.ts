import { describe, expect, it } from 'vitest';
import { OFFLINE_IRI_BASE, xapiIris } from '../../../renderer/src/local-server/xapi-iris';

describe('xapiIris', () => {
  it('uses the remote API address, without a trailing slash', () => {
    expect(xapiIris('https://lms.example.org/')).toEqual({ accountHomePage: 'https://lms.example.org', activityIriBase: 'https://lms.example.org' });
  });

  it('falls back to a never-resolving .invalid address while the kiosk has no remote', () => {
    expect(xapiIris(null)).toEqual({ accountHomePage: OFFLINE_IRI_BASE, activityIriBase: OFFLINE_IRI_BASE });
    expect(new URL(OFFLINE_IRI_BASE).hostname.endsWith('.invalid')).toBe(true);
  });
});
