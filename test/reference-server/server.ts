import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { buildApp } from './app';
import { createTokenHelpers } from './auth';
import type { TokenHelpers } from './auth';
import { catalogSeedSchema, defaultCatalogSeed } from './catalog-seed';
import type { CatalogSeed, ParsedCatalogSeed } from './catalog-seed';
import { createFaults } from './fault-controller';
import type { FaultController, Faults } from './faults';
import { createInspector, summarizeEffects } from './inspect';
import type { ReferenceEffects, ReferenceInspector } from './inspect';
import type { InstanceState } from './request-pipeline';
import { createRequestCounter } from './request-counter';
import type { RequestCounter, RequestCounterControl } from './request-counter';
import { openStore } from './store';
import type { Store } from './store';

export interface ReferenceServerOptions {
  /** Where the SQLite file lives; reuse it to get the same data back. */
  readonly dataDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The catalog and facts the APIs check against; defaultCatalogSeed() when left out. */
  readonly seed?: CatalogSeed;
  /** The server's clock (timestamps, token expiry). */
  readonly now?: () => Date;
}

export interface ReferenceServer {
  /** http://127.0.0.1:PORT; stays the same across restart(). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly seed: ParsedCatalogSeed;
  /** Fault switches; they belong to the harness, so they (and their counters) survive restart(). */
  readonly faults: Faults;
  readonly tokens: TokenHelpers;
  /** Requests per route ("POST /api/vr-sessions"), faulted ones included; survives restart(). */
  readonly requests: RequestCounter;
  readonly inspect: ReferenceInspector;
  effects(): ReferenceEffects;
  /** Stops and starts again on the same port and data: open connections are cut, data and tokens stay. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

interface Instance {
  readonly port: number;
  readonly store: Store;
  readonly state: InstanceState;
  close(): Promise<void>;
}

interface InstanceConfig {
  readonly dataDir: string;
  readonly port: number;
  readonly seed: ParsedCatalogSeed;
  readonly now: () => Date;
  readonly faults: FaultController;
  readonly requests: RequestCounterControl;
}

/**
 * The remote API for the sync tests, chaos tests and the sync benchmark: the seed endpoints plus the
 * catalog pull, on loopback only, over a real SQLite file, with switchable faults.
 */
export async function startReferenceServer(options: ReferenceServerOptions): Promise<ReferenceServer> {
  const seed = catalogSeedSchema.parse(options.seed ?? defaultCatalogSeed());
  const now = options.now ?? (() => new Date());
  let instance: Instance | null = null;
  const current = (): Instance => {
    if (!instance) throw new Error('The reference server is stopped');
    return instance;
  };
  const tokens = createTokenHelpers(() => current().store, now);
  const faults = createFaults(() => tokens.expireAll());
  const requests = createRequestCounter();
  const config = { dataDir: options.dataDir, seed, now, faults, requests };
  instance = await startInstance({ ...config, port: options.port ?? 0 });
  const { port } = instance;
  const inspect = createInspector(() => current().store, () => current().state.errors);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir: options.dataDir,
    seed,
    faults,
    tokens,
    requests,
    inspect,
    effects: () => summarizeEffects(inspect, current().store),
    async restart() {
      const stopping = instance;
      instance = null;
      await stopping?.close();
      await settle();
      instance = await startInstance({ ...config, port });
    },
    async stop() {
      const stopping = instance;
      instance = null;
      await stopping?.close();
    },
  };
}

/**
 * A client in this same process (the tests' fetch) only notices that its pooled keep-alive connections
 * were closed once its sockets have read the FIN; letting the event loop turn a few times first keeps
 * the first request after a restart from being sent down a dead connection.
 */
const SETTLE_MS = 25;
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

async function startInstance(config: InstanceConfig): Promise<Instance> {
  const store = openStore(config.dataDir);
  const state: InstanceState = { stopped: false, hangs: new Set(), errors: [] };
  let server: Server;
  try {
    // The port is only known after listen, but launch URLs need it; the deps read it lazily.
    let baseUrl = '';
    const deps = {
      store,
      seed: config.seed,
      faults: config.faults,
      now: config.now,
      newId: randomUUID,
      get baseUrl() {
        return baseUrl;
      },
    };
    const app = buildApp(deps, config.requests, state);
    // overrideGlobalObjects: false keeps the adapter from swapping the test process's global Request/Response.
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    server = createServer((request, response) => void listener(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  } catch (error) {
    store.close();
    throw error;
  }
  return {
    port: (server.address() as AddressInfo).port,
    store,
    state,
    async close() {
      state.stopped = true;
      for (const release of [...state.hangs]) release();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      store.close();
    },
  };
}
