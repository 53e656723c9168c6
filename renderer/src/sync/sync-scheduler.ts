import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import type { OutpostDb } from '../db/outpost-db';
import type { CatalogPullResult } from './catalog-pull';
import { OutboxCountTracker } from './outbox-counts';
import type { DrainResult, SyncEngine, SyncProgress } from './sync-engine';

export interface SyncSnapshot {
  readonly state: 'idle' | 'draining' | 'paused_auth' | 'offline' | 'unconfigured';
  readonly pending: number;
  readonly dead: number;
  readonly progress: { readonly delivered: number; readonly total: number } | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly remote: RemoteStatus | null;
}

/**
 * When the scheduler's timers fire. Injected (with the clock, `now`) so tests move time themselves instead
 * of sleeping; `after` returns the function that cancels the timer.
 */
export interface TimerPort {
  after(delayMs: number, callback: () => void): () => void;
}

/** The platform's timers. */
export const realTimers: TimerPort = {
  after(delayMs, callback) {
    const handle = setTimeout(callback, delayMs);
    return () => clearTimeout(handle);
  },
};

export interface SyncSchedulerDeps {
  readonly db: OutpostDb;
  readonly engine: SyncEngine;
  readonly checkRemote: (refresh: boolean) => Promise<RemoteStatus>;
  readonly onRemoteStatus: (listener: (status: RemoteStatus) => void) => () => void;
  readonly pullCatalog: () => Promise<CatalogPullResult>;
  readonly now: () => Date;
  readonly timers: TimerPort;
  readonly lastSuccess: { get(): string | null; set(at: string): void };
  /** How often to ask whether the API answers: often while it does not, rarely while it does. */
  readonly probeMs?: { readonly offline: number; readonly online: number };
}

const usable = (status: RemoteStatus | null) => status !== null && status.configured && status.reachable && status.signed_in;

/**
 * Starts sync by itself: when the API becomes reachable with a valid sign-in, when something new is
 * queued, and when a retry falls due; and on demand. Publishes one snapshot for the status indicator.
 */
export class SyncScheduler {
  #snapshot: SyncSnapshot;
  readonly #listeners = new Set<(snapshot: SyncSnapshot) => void>();
  readonly #cleanups: Array<() => void> = [];
  #cancelDrain: (() => void) | null = null;
  /** The catalog is pulled once each time the API comes back (and on "Sync now"). */
  #pulledSinceOnline = false;
  #cancelProbe: (() => void) | null = null;
  /** Work a timer started (a probe or a drain) that has not finished yet; see settled(). */
  readonly #running = new Set<Promise<unknown>>();
  readonly #counts: OutboxCountTracker;

  constructor(private readonly deps: SyncSchedulerDeps) {
    this.#counts = new OutboxCountTracker(deps.db);
    this.#snapshot = { state: 'offline', pending: 0, dead: 0, progress: null, lastSuccessAt: deps.lastSuccess.get(), lastError: null, remote: null };
  }

  get snapshot(): SyncSnapshot {
    return this.#snapshot;
  }

  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    // Counted by the outbox's own writes (O(1) each), not by re-reading the table on every change.
    this.#cleanups.push(
      this.#counts.subscribe((next, grew) => {
        this.#set({ pending: next.pending, dead: next.dead });
        if (grew) this.#schedule(300);
      }),
    );
    this.#counts.start();
    this.#cleanups.push(() => this.#counts.stop());
    this.#track(this.#counts.recount());
    this.#cleanups.push(this.deps.onRemoteStatus((status) => this.#onRemote(status)));
    this.#track(this.#probeNow());
  }

  stop(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#cancelDrain?.();
    this.#cancelProbe?.();
  }

  /**
   * Resolves once the probes and drains that timers started have finished, including the timers they set
   * for next time. Tests that move time by hand wait on this instead of sleeping.
   */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running]);
  }

  /** The "Sync now" button: ask the API afresh, then send and pull. */
  async syncNow(): Promise<DrainResult | null> {
    const status = await this.deps.checkRemote(true);
    this.#onRemote(status, false);
    if (!usable(status)) return null;
    const result = await this.#drain();
    const pulled = await this.deps.pullCatalog();
    if (!pulled.ok) this.#set({ lastError: pulled.message });
    return result;
  }

  #onRemote(status: RemoteStatus, drain = true): void {
    const wasUsable = usable(this.#snapshot.remote);
    if (!usable(status)) this.#pulledSinceOnline = false;
    this.#set({ remote: status, state: !status.configured ? 'unconfigured' : !status.signed_in && status.reachable ? 'paused_auth' : usable(status) ? this.#idleOr() : 'offline' });
    if (drain && usable(status) && !wasUsable) this.#schedule(0);
  }

  #idleOr(): SyncSnapshot['state'] {
    return this.#snapshot.state === 'draining' ? 'draining' : 'idle';
  }

  async #probeNow(): Promise<void> {
    try {
      // Other windows' writes are not seen by this window's hooks: the probe's rhythm corrects the counts.
      await this.#counts.recount();
      this.#onRemote(await this.deps.checkRemote(true));
    } catch (error) {
      this.#set({ lastError: (error as Error).message });
    }
    const probe = this.deps.probeMs ?? { offline: 20_000, online: 60_000 };
    this.#cancelProbe = this.deps.timers.after(usable(this.#snapshot.remote) ? probe.online : probe.offline, () => this.#track(this.#probeNow()));
  }

  #schedule(delayMs: number): void {
    if (!usable(this.#snapshot.remote)) return;
    this.#cancelDrain?.();
    this.#cancelDrain = this.deps.timers.after(delayMs, () => this.#track(this.#drain()));
  }

  async #drain(): Promise<DrainResult> {
    const total = this.#snapshot.pending;
    this.#set({ state: 'draining', progress: { delivered: 0, total } });
    const onProgress = (p: SyncProgress) => this.#set({ progress: { delivered: p.delivered, total: Math.max(total, p.delivered + p.remaining) } });
    // One drain across every window of this profile; the outbox claims are the safety net under this.
    const drain = () => this.deps.engine.drain(onProgress);
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    const result = locks ? await locks.request('outpost-sync', drain) : await drain();
    const at = this.deps.now().toISOString();
    if (result.state === 'idle' && result.delivered > 0) this.deps.lastSuccess.set(at);
    if (result.state === 'idle' && !this.#pulledSinceOnline) {
      this.#pulledSinceOnline = true;
      const pulled = await this.deps.pullCatalog();
      if (!pulled.ok) this.#pulledSinceOnline = false;
    }
    this.#set({
      state: result.state,
      progress: null,
      lastSuccessAt: this.deps.lastSuccess.get(),
      lastError: result.state === 'paused_auth' ? 'sign_in_required' : null,
    });
    // Something is waiting for its retry time: come back then (timed by the engine on a monotonic clock).
    // What is due already yet still pending waits on another operation (refused, or itself waiting): an
    // outbox change brings it back, not a timer.
    const next = this.deps.engine.nextRetryMs;
    if (result.state === 'idle' && next !== null) this.#schedule(next);
    return result;
  }

  #track(work: Promise<unknown>): void {
    this.#running.add(work);
    // Nobody awaits a timer's work, so a failure is shown where the user can see it rather than lost.
    work.then(
      () => this.#running.delete(work),
      (error: unknown) => {
        this.#running.delete(work);
        this.#set({ lastError: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  #set(patch: Partial<SyncSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener(this.#snapshot);
  }
}
