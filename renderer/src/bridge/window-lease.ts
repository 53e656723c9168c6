import type { Result } from '../../../shared/ipc/result';

/** Until main's first answer, or when it gives none, the window asks again this often. */
const FALLBACK_LEASE_MS = 3000;

/**
 * Keeps this window attached as the one main hands requests to (the headset API's reports, LAN course
 * sittings): asks at once, then again at a third of the lease main grants, until stopped. A failed ask is
 * retried on the same rhythm, so a restarting main finds the window again.
 */
export function holdWindowLease(attach: () => Promise<Result<{ lease_ms: number }>>, setTimer: (run: () => void, ms: number) => () => void): () => void {
  let stopped = false;
  let cancelTimer: () => void = () => undefined;
  const renew = async () => {
    const reply = await attach().catch(() => null);
    if (stopped) return;
    const lease = reply?.ok ? reply.value.lease_ms : FALLBACK_LEASE_MS;
    cancelTimer = setTimer(() => void renew(), Math.max(500, Math.floor(lease / 3)));
  };
  void renew();
  return () => {
    stopped = true;
    cancelTimer();
  };
}
