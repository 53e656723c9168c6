import { randomBytes } from 'node:crypto';
import type { UploadTicket } from '../../../shared/ipc/instructor-contract';

const TICKET_TTL_MS = 60_000;
const MAX_OPEN_TICKETS = 32;

/**
 * Single-use permissions for one `PUT /upload/…`. The upload is plain HTTP (XHR, for progress), outside
 * the IPC dispatcher, so an instructor-only IPC call hands out a ticket and the upload must bring it.
 */
export class UploadTickets {
  readonly #open = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  issue(): UploadTicket {
    this.#prune();
    // Bounded: a caller asking in a loop only pushes out its own oldest tickets.
    while (this.#open.size >= MAX_OPEN_TICKETS) this.#open.delete(this.#open.keys().next().value as string);
    const ticket = randomBytes(32).toString('hex');
    const expires = this.now().getTime() + TICKET_TTL_MS;
    this.#open.set(ticket, expires);
    return { ticket, expires_at: new Date(expires).toISOString() };
  }

  /** True once per ticket, and only before it expires. */
  redeem(ticket: string | null): boolean {
    if (ticket === null) return false;
    const expires = this.#open.get(ticket);
    if (expires === undefined) return false;
    this.#open.delete(ticket);
    return expires > this.now().getTime();
  }

  #prune(): void {
    const now = this.now().getTime();
    for (const [ticket, expires] of this.#open) if (expires <= now) this.#open.delete(ticket);
  }
}
