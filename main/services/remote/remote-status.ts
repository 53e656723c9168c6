import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import { tokenFor } from './bound-token';
import type { SecretStore } from './secret-store';

export interface RemoteStatusOptions {
  readonly baseUrl: () => Promise<string | null>;
  readonly secrets: SecretStore;
  readonly now: () => Date;
  readonly onChange: (status: RemoteStatus) => void;
  readonly fetch?: typeof fetch;
  readonly probeTimeoutMs?: number;
}

/**
 * Whether the configured API answers, judged by asking it (navigator.onLine only knows about the local
 * link, and a classroom LAN without internet reports "online"). Any HTTP answer counts as reachable; a
 * 401 with our token means we must sign in again.
 */
export class RemoteStatusService {
  #status: RemoteStatus = { configured: false, reachable: false, signed_in: false, checked_at: null };

  constructor(private readonly options: RemoteStatusOptions) {}

  get current(): RemoteStatus {
    return this.#status;
  }

  async check(): Promise<RemoteStatus> {
    const base = await this.options.baseUrl();
    // A token given for another API address counts as none: it is never sent here.
    const token = base ? await tokenFor(this.options.secrets, base) : null;
    let next: RemoteStatus;
    if (!base) {
      next = { configured: false, reachable: false, signed_in: false, checked_at: this.options.now().toISOString() };
    } else {
      let reachable: boolean;
      let rejected = false;
      try {
        const response = await (this.options.fetch ?? fetch)(new URL('/api/vr-sessions', base), {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? 5000),
        });
        await response.body?.cancel();
        reachable = true;
        rejected = response.status === 401;
      } catch {
        reachable = false;
      }
      next = { configured: true, reachable, signed_in: token !== null && !rejected, checked_at: this.options.now().toISOString() };
    }
    const changed = JSON.stringify({ ...next, checked_at: null }) !== JSON.stringify({ ...this.#status, checked_at: null });
    this.#status = next;
    if (changed) this.options.onChange(next);
    return next;
  }

  /** Marks the token as refused (sync saw a 401) without waiting for the next probe. */
  markSignedOut(): void {
    if (!this.#status.signed_in) return;
    this.#status = { ...this.#status, signed_in: false };
    this.options.onChange(this.#status);
  }
}
