import { describe, expect, it } from 'vitest';
import { LEARNER_SESSION_KEY, clearLearnerSession, loadLearnerSession, saveLearnerSession } from '../../../renderer/src/auth/learner-session-storage';
import type { LearnerSession, SessionStore } from '../../../renderer/src/auth/learner-session-storage';
import { ALICE, TENANT } from '../../support/local-api-fixture';

function memoryStore(): SessionStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const session: LearnerSession = {
  token: 'ab'.repeat(32),
  expiresAt: '2026-03-02T19:00:00.000Z',
  learner: { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong', role: 'learner' },
};
const before = new Date('2026-03-02T09:00:00.000Z');

describe('learner session storage', () => {
  it('round-trips a session until it expires', () => {
    const store = memoryStore();
    saveLearnerSession(store, session);
    expect(loadLearnerSession(store, before)).toEqual(session);
    expect(loadLearnerSession(store, new Date(session.expiresAt))).toBeNull();
    expect(store.data.has(LEARNER_SESSION_KEY)).toBe(false);
  });

  it('never stores more than the UI needs', () => {
    const store = memoryStore();
    saveLearnerSession(store, { ...session, learner: { ...session.learner, pin: { salt: 's', hash: 'h', iterations: 1 } } as LearnerSession['learner'] });
    expect(store.data.get(LEARNER_SESSION_KEY)).not.toContain('pin');
  });

  it('drops damaged or foreign values instead of trusting them', () => {
    for (const text of ['not json', '{}', JSON.stringify({ ...session, token: 'short' }), JSON.stringify({ ...session, learner: { id: 'x' } })]) {
      const store = memoryStore();
      store.setItem(LEARNER_SESSION_KEY, text);
      expect(loadLearnerSession(store, before), text).toBeNull();
      expect(store.data.size).toBe(0);
    }
  });

  it('clears on sign-out', () => {
    const store = memoryStore();
    saveLearnerSession(store, session);
    clearLearnerSession(store);
    expect(loadLearnerSession(store, before)).toBeNull();
  });
});
