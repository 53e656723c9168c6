import { groupInteractions } from '../../../shared/mastery/logger-attempts';
import type { LocalEntity } from '../../../shared/sync/local-ref';
import type { Interaction } from '../../../shared/schemas/content-session';
import type { OutboxRow } from '../db/rows';

export interface LinkedId {
  readonly entity: LocalEntity;
  readonly localId: string;
  readonly remoteId: string;
}

/**
 * An attempt made on the kiosk is named after the outbox operation that will create it remotely and its
 * interaction group: `<operation id>-<group>`. The remote answers with one attempt per group in the same
 * order, so when that operation is delivered sync can pair the two and record the remote's id; a later
 * update naming `local:attempt_log:<id>` is then rewritten to it.
 */
export function localAttemptId(operationId: string, groupIndex: number): string {
  return `${operationId}-${groupIndex}`;
}

/** The id pairs a delivered content session update establishes, for the groups that created attempts. */
export function createdAttemptIds(op: OutboxRow, answer: unknown): LinkedId[] {
  if (op.kind !== 'content_session.update') return [];
  const attempts = (answer as { attempts?: unknown } | null)?.attempts;
  const interactions = (op.body as { interactions?: Interaction[] } | null)?.interactions;
  if (!Array.isArray(attempts) || !Array.isArray(interactions)) return [];
  const links: LinkedId[] = [];
  groupInteractions(interactions).forEach((group, index) => {
    const remoteId = (attempts[index] as { id?: unknown } | undefined)?.id;
    // A group that named its attempt by id updated it: nothing new to learn.
    if (group[0]?.id === undefined && typeof remoteId === 'string') links.push({ entity: 'attempt_log', localId: localAttemptId(op.id, index), remoteId });
  });
  return links;
}
