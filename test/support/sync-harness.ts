import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLrsBatcher } from '../../main/services/lrs/lrs-batcher';
import { createLrsClient } from '../../main/services/lrs/lrs-client';
import { createRemoteClient } from '../../main/services/remote/remote-client';
import { FileSecretStore } from '../../main/services/remote/secret-store';
import { createLocalApi } from '../../renderer/src/local-server/local-api';
import type { LocalApi } from '../../renderer/src/local-server/local-api';
import { signIn } from '../../renderer/src/auth/kiosk-auth';
import type { OutpostDb } from '../../renderer/src/db/outpost-db';
import type { RemotePort } from '../../renderer/src/sync/sync-engine';
import { defaultCatalogSeed, SEED_TENANT } from '../reference-server/catalog-seed';
import { startReferenceServer } from '../reference-server/server';
import type { ReferenceServer } from '../reference-server/server';
import { openTestDb } from './fake-db';
import { startReferenceProcess } from './reference-process';
import type { ReferenceProcess } from './reference-process';

export interface SyncHarness {
  /** In-process server (fault switches, inspection); null when the server runs as its own process. */
  readonly server: ReferenceServer | null;
  readonly serverUrl: string;
  readonly db: OutpostDb;
  readonly api: LocalApi;
  readonly learners: readonly string[];
  readonly packages: readonly string[];
  /** The kiosk's device token (for a test's own reads of the remote, outside main's named operations). */
  readonly deviceToken: string;
  /** main's real HTTP client, holding the kiosk's device token. */
  readonly remote: RemotePort;
  tokenFor(userId: string): Promise<string>;
  stop(): Promise<void>;
}

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A kiosk and its remote: the reference server (SQLite, faults) seeded with a class, a local database
 * holding the same roster and packages, the local API over it, and main's remote client in between.
 */
export async function startSyncHarness(options: { learners: number; packages: number; timeoutMs?: number; separateProcess?: boolean; scormPackageIds?: readonly string[]; lrs?: boolean }): Promise<SyncHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'outpost-sync-'));
  const learners = Array.from({ length: options.learners }, (_, i) => uuid('1ea40000', i + 1));
  const packages = Array.from({ length: options.packages }, (_, i) => uuid('9ac00000', i + 1));
  const seed = {
    ...defaultCatalogSeed(),
    learners: learners.map((id, i) => ({ id, display_name: `Learner ${i + 1}`, role: 'learner' as const })),
    vr_packages: packages.map((id, i) => ({ id, title: `VR ${i + 1}`, version: '1.0.0', target_platforms: ['quest3' as const] })),
    scorm_package_ids: [...defaultCatalogSeed().scorm_package_ids, ...(options.scormPackageIds ?? [])],
  };
  const secrets = new FileSecretStore(join(dir, 'token.json'));
  let server: ReferenceServer | null = null;
  let external: ReferenceProcess | null = null;
  let deviceToken: string;
  if (options.separateProcess) {
    external = await startReferenceProcess(join(dir, 'server'), seed);
    deviceToken = external.deviceToken;
    await secrets.set({ origin: new URL(external.url).origin, token: deviceToken });
  } else {
    server = await startReferenceServer({ dataDir: join(dir, 'server'), seed });
    deviceToken = server.tokens.issue('kiosk-device', { admin: true, ttlSeconds: 30 * 86_400 });
    await secrets.set({ origin: new URL(server.url).origin, token: deviceToken });
  }
  const url = server?.url ?? external?.url ?? '';
  const db = openTestDb('sync');
  const now = new Date().toISOString();
  await db.learners.bulkAdd(learners.map((id, i) => ({ id, tenant_id: SEED_TENANT, display_name: `Learner ${i + 1}`, role: 'learner' as const, pin: null, updated_at: now })));
  await db.vrPackages.bulkAdd(seed.vr_packages);
  const api = createLocalApi({ db, now: () => new Date(), newId: () => crypto.randomUUID(), xapi: { accountHomePage: url, activityIriBase: `${url}/xapi` } });
  return {
    server,
    serverUrl: url,
    db,
    api,
    deviceToken,
    learners,
    packages,
    remote: createRemoteClient({
      baseUrl: async () => url,
      secrets,
      timeoutMs: options.timeoutMs ?? 2000,
      // The reference server's LRS takes the statements, as main sends them (batched), unless a test has none.
      lrs: createLrsBatcher(createLrsClient({ config: async () => (options.lrs === false ? null : { endpoint: `${url}/xapi`, auth: { kind: 'token', token: deviceToken } }), timeoutMs: options.timeoutMs ?? 2000 })),
    }),
    async tokenFor(userId) {
      const result = await signIn(db, userId, null, { now: () => new Date() });
      if (!result.ok) throw new Error(result.reason);
      return result.token;
    },
    async stop() {
      db.close();
      await server?.stop();
      await external?.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Records learners' activity through the local API until the outbox holds at least `target` operations. */
export async function recordActivity(h: SyncHarness, target: number, random: () => number): Promise<void> {
  const tokens = new Map<string, string>();
  const call = async (userId: string, method: string, path: string, body?: unknown) => {
    let token = tokens.get(userId);
    if (!token) tokens.set(userId, (token = await h.tokenFor(userId)));
    const response = await h.api(new Request(`http://outpost.local${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }));
    return (await response.json()) as { session: { id: string; status: string } };
  };
  while ((await h.db.outbox.count()) < target) {
    const user = h.learners[Math.floor(random() * h.learners.length)]!;
    const pkg = h.packages[Math.floor(random() * h.packages.length)]!;
    const { session } = await call(user, 'POST', '/api/vr-sessions', { package_id: pkg, completion_mode: 'score_entry' });
    if (random() < 0.6) await call(user, 'POST', `/api/vr-sessions/${session.id}/complete`, { score: Math.round(random() * 100), time_spent_minutes: Math.round(random() * 40) });
  }
}
