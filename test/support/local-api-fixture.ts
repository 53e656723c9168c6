import { createLocalApi } from '../../renderer/src/local-server/local-api';
import type { LocalApi } from '../../renderer/src/local-server/local-api';
import type { LocalApiDeps } from '../../renderer/src/local-server/local-api-deps';
import { signIn } from '../../renderer/src/auth/kiosk-auth';
import type { OutpostDb } from '../../renderer/src/db/outpost-db';
import type { VrPackageRow } from '../../renderer/src/db/rows';
import { openTestDb } from './fake-db';

export const TENANT = '0b7c5f3e-1d2a-4c8b-9e6f-3a2b1c0d9e8f';
export const ALICE = 'a11ce000-0000-4000-8000-000000000001';
export const BOB = 'b0b00000-0000-4000-8000-000000000002';
export const SAFETY_PKG = 'c0ffee00-0000-4000-8000-000000000003';
export const CHEM_PKG = 'c0ffee00-0000-4000-8000-000000000004';
export const FIRE_ACTIVITY = 'ac000000-0000-4000-8000-000000000005';

export const safetyPackage: VrPackageRow = { id: SAFETY_PKG, title: 'Safety Training VR', version: '1.0.0', target_platforms: ['quest2', 'quest3'] };

export interface ApiFixture {
  readonly db: OutpostDb;
  readonly api: LocalApi;
  readonly deps: LocalApiDeps;
  readonly clock: { now: Date };
  token(userId: string): Promise<string>;
  // Responses are asserted field by field against the seed in each test; typing them here would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any }>;
}

/** The local API over a fresh fake IndexedDB with a two-learner roster and two packages. */
export async function createApiFixture(overrides: Partial<LocalApiDeps> = {}): Promise<ApiFixture> {
  const db = openTestDb();
  const clock = { now: new Date('2026-03-02T09:00:00.000Z') };
  const deps: LocalApiDeps = {
    db,
    now: () => clock.now,
    newId: () => crypto.randomUUID(),
    xapi: { accountHomePage: 'https://lms.example.org', activityIriBase: 'https://lms.example.org/xapi' },
    ...overrides,
  };
  await db.learners.bulkAdd([
    { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong', role: 'learner', pin: null, updated_at: clock.now.toISOString() },
    { id: BOB, tenant_id: TENANT, display_name: 'Bob Chen', role: 'learner', pin: null, updated_at: clock.now.toISOString() },
  ]);
  await db.vrPackages.bulkAdd([safetyPackage, { id: CHEM_PKG, title: 'Chemistry Lab', version: '2.0.0', target_platforms: ['quest3'] }]);
  const api = createLocalApi(deps);
  return {
    db,
    api,
    deps,
    clock,
    async token(userId) {
      const result = await signIn(db, userId, null, { now: () => clock.now });
      if (!result.ok) throw new Error(result.reason);
      return result.token;
    },
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await api(
        new Request(`http://outpost.local${path}`, {
          method,
          headers,
          ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
        }),
      );
      return { status: response.status, body: await response.json() };
    },
  };
}
