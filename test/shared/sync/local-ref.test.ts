import { describe, expect, it } from 'vitest';
import { findLocalRefs, localRef, resolveLocalRefs } from '../../../shared/sync/local-ref';

describe('local references', () => {
  const id = '6a1f0c2e-0000-4000-8000-000000000001';
  const path = `/api/vr-sessions/${localRef('vr_session', id)}/complete`;

  it('finds and resolves references through an id map', () => {
    expect(findLocalRefs(path)).toEqual([{ entity: 'vr_session', id }]);
    expect(resolveLocalRefs(path, (entity, local) => (entity === 'vr_session' && local === id ? 'remote-42' : undefined))).toBe('/api/vr-sessions/remote-42/complete');
  });

  it('leaves unknown references in place so the request is visibly not ready', () => {
    expect(resolveLocalRefs(path, () => undefined)).toBe(path);
  });
});
