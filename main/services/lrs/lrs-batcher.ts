import type { RemoteResult } from '../../../shared/sync/remote-contract';
import { MAX_STATEMENTS_PER_POST } from '../../../shared/xapi/lrs-config';

export type PostStatements = (statements: readonly unknown[]) => Promise<RemoteResult>;

export interface LrsBatcherOptions {
  /** How long the first statement of a batch waits for others (sync sends several at once). */
  readonly windowMs?: number;
  /** Statements in one POST at most (an LRS may refuse more, and a refusal costs the whole batch). */
  readonly maxStatements?: number;
}

interface Waiting {
  readonly statements: readonly unknown[];
  readonly settle: (result: RemoteResult) => void;
}

/**
 * Gathers the statements sync sends at about the same time into one standard `POST /statements` with an
 * array, and gives each sender the part of the answer that is its own: on 200, its statements' ids (the LRS
 * answers with the stored ids in order). A batch the LRS refuses as a whole (a 4xx other than 401/408/429)
 * is sent again one sender at a time, so one bad or conflicting statement is refused alone and the others
 * are delivered. Transport failures, timeouts, 401, 429 and 5xx concern every sender alike: each gets the
 * same answer and retries under its own rules.
 */
export function createLrsBatcher(post: PostStatements, options: LrsBatcherOptions = {}): PostStatements {
  const windowMs = options.windowMs ?? 15;
  const max = options.maxStatements ?? MAX_STATEMENTS_PER_POST;
  let waiting: Waiting[] = [];
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = waiting;
    waiting = [];
    count = 0;
    if (batch.length > 0) void send(batch);
  }

  async function send(batch: readonly Waiting[]): Promise<void> {
    const result = await post(batch.flatMap((w) => w.statements)).catch(asNetworkFailure);
    if (batch.length > 1 && result.kind === 'response' && refusedAsAWhole(result.status)) {
      // One statement spoiled the batch; which one, only single sends can tell.
      await Promise.all(batch.map(async (w) => w.settle(await post(w.statements).catch(asNetworkFailure))));
      return;
    }
    if (result.kind !== 'response' || result.status !== 200 || result.body_problem) {
      // A failure, or an answer that is not the stored ids: each sender reads it whole and decides.
      for (const w of batch) w.settle(result);
      return;
    }
    const sent = batch.reduce((n, w) => n + w.statements.length, 0);
    const ids = result.body;
    if (!Array.isArray(ids) || ids.length !== sent) {
      const problem = `The LRS answered 200 with ${Array.isArray(ids) ? ids.length : 'no list of'} ids for ${sent} statements`;
      for (const w of batch) w.settle({ ...result, body_problem: problem });
      return;
    }
    let offset = 0;
    for (const w of batch) {
      w.settle({ ...result, body: ids.slice(offset, offset + w.statements.length) });
      offset += w.statements.length;
    }
  }

  return (statements) =>
    new Promise<RemoteResult>((settle) => {
      if (count > 0 && count + statements.length > max) flush();
      waiting.push({ statements, settle });
      count += statements.length;
      if (count >= max) flush();
      else timer ??= setTimeout(flush, windowMs);
    });
}

function refusedAsAWhole(status: number): boolean {
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 425 && status !== 429;
}

function asNetworkFailure(error: unknown): RemoteResult {
  return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
}
