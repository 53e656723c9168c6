import type { SyncSnapshot } from '../sync/sync-scheduler';

/** sync.state.* keys: what the sync indicator says, in words. */
export type SyncStateKey = 'unconfigured' | 'offline' | 'pausedAuth' | 'draining' | 'upToDate' | 'waiting';

export interface SyncStatusText {
  readonly key: SyncStateKey;
  /** How it looks: fine, working, needs someone, or nothing to do until something changes. */
  readonly tone: 'ok' | 'busy' | 'attention' | 'quiet';
  /** Whether the waiting count is worth adding (the 'waiting' state already says it). */
  readonly showPending: boolean;
  /** Refused operations need a person, whatever the state. */
  readonly showDead: boolean;
}

/**
 * The snapshot in the words a teacher reads at a glance. Idle with something still queued means it waits
 * for a retry time or for a refused operation it depends on, so it reads "N waiting", not "Up to date".
 */
export function syncStatusText(snapshot: SyncSnapshot): SyncStatusText {
  const key = stateKey(snapshot);
  const tone = key === 'upToDate' ? 'ok' : key === 'draining' || key === 'waiting' ? 'busy' : key === 'pausedAuth' ? 'attention' : 'quiet';
  return { key, tone, showPending: snapshot.pending > 0 && key !== 'waiting', showDead: snapshot.dead > 0 };
}

function stateKey(snapshot: SyncSnapshot): SyncStateKey {
  switch (snapshot.state) {
    case 'unconfigured':
      return 'unconfigured';
    case 'offline':
      return 'offline';
    case 'paused_auth':
      return 'pausedAuth';
    case 'draining':
      return 'draining';
    case 'idle':
      return snapshot.pending > 0 ? 'waiting' : 'upToDate';
  }
}
