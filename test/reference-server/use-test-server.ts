import { afterEach, beforeEach } from 'vitest';
import { SEED_ALICE } from './catalog-seed';
import { startTestServer } from './test-client';
import type { CallOptions, CallResult, TestServer } from './test-client';
import type { ReferenceServer } from './server';

export interface TestServerFixture {
  /** This test's server (a fresh one, over a fresh data directory, for every test). */
  readonly server: ReferenceServer;
  readonly dataDir: string;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** A token for the seed's learner Alice, issued as the test starts; a test that expires tokens may replace it. */
  token: string;
  /** The server's clock when `startAt` was given: move time by assigning `clock.now`. */
  readonly clock: { now: Date };
}

export interface UseTestServerOptions {
  /** Run the server on a clock the test controls, starting at this instant; otherwise on real time. */
  readonly startAt?: string;
  /** Lifetime of Alice's token (the server's default otherwise). */
  readonly tokenTtlSeconds?: number;
}

/**
 * The reference-server tests' shared setup: registers beforeEach/afterEach that start a fresh server for
 * each test and dispose of it, and returns one object that always points at the current test's server.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServerFixture {
  let current: TestServer | null = null;
  const clock = { now: new Date(options.startAt ?? Date.now()) };
  const started = (): TestServer => {
    if (!current) throw new Error('The test server runs only inside a test (beforeEach has not started it)');
    return current;
  };
  const fixture: TestServerFixture = {
    get server() {
      return started().server;
    },
    get dataDir() {
      return started().dataDir;
    },
    call: (method, path, callOptions) => started().call(method, path, callOptions),
    token: '',
    clock,
  };
  beforeEach(async () => {
    if (options.startAt) clock.now = new Date(options.startAt);
    current = await startTestServer(options.startAt ? { now: () => clock.now } : {});
    fixture.token = current.server.tokens.issue(SEED_ALICE, options.tokenTtlSeconds ? { ttlSeconds: options.tokenTtlSeconds } : {});
  });
  afterEach(async () => {
    const stopping = current;
    current = null;
    await stopping?.dispose();
  });
  return fixture;
}
