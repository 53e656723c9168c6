import type { IpcClient } from '../bridge/ipc-client';
import type { OutpostDb } from '../db/outpost-db';
import { pullCatalog } from './catalog-pull';
import { CatalogPullLog } from './catalog-pull-log';
import { createIpcRemotePort } from './ipc-remote-port';
import { releaseKeptStatements } from './kept-statements';
import { createRemoteStatusPorts } from './ipc-remote-status';
import { scormConflictResolver } from './scorm-conflict';
import { SYNC_CONCURRENCY, SyncEngine } from './sync-engine';
import { realTimers, SyncScheduler } from './sync-scheduler';
import type { TimerPort } from './sync-scheduler';

export interface SyncServices {
  readonly scheduler: SyncScheduler;
  readonly catalogPulls: CatalogPullLog;
}

export interface StartSyncDeps {
  readonly ipc: Pick<IpcClient, 'invoke' | 'on'>;
  readonly db: OutpostDb;
  /** Where "last synced" survives a restart (localStorage in the app). */
  readonly storage: Pick<Storage, 'getItem' | 'setItem'>;
  readonly now: () => Date;
  readonly random: () => number;
  /** The platform's timers unless a caller moves time itself. */
  readonly timers?: TimerPort;
}

const LAST_SUCCESS_KEY = 'outpost.sync.lastSuccessAt';

/** Wires the outbox to main's remote client and starts syncing by itself; call once per window. */
export function startSync(deps: StartSyncDeps): SyncServices {
  const { db, now } = deps;
  const remote = createIpcRemotePort(deps.ipc);
  const engine = new SyncEngine({ db, remote, now, random: deps.random, concurrency: SYNC_CONCURRENCY, resolveConflict: scormConflictResolver(db) });
  const catalogPulls = new CatalogPullLog(now);
  const scheduler = new SyncScheduler({
    db,
    engine,
    ...createRemoteStatusPorts(deps.ipc),
    pullCatalog: () => catalogPulls.record(pullCatalog({ db, now, newId: () => crypto.randomUUID() }, remote)),
    now,
    timers: deps.timers ?? realTimers,
    lastSuccess: {
      get: () => deps.storage.getItem(LAST_SUCCESS_KEY),
      set: (at) => deps.storage.setItem(LAST_SUCCESS_KEY, at),
    },
  });
  scheduler.start();
  // Statements kept while no LRS was set go once one is (set here, or in main's file since the last start).
  // A failure here only means they wait for the next start or for the instructor's LRS form.
  void deps.ipc
    .invoke('lrs:status', {})
    .then(async (status) => (status.ok && status.value.configured ? releaseKeptStatements(db, now()) : 0))
    .catch(() => 0);
  return { scheduler, catalogPulls };
}
