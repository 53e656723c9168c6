import type { CmiData } from '../../shared/schemas/scorm-session';
import { DEFAULT_CONFLICT_CMI, DEFAULT_MAX_HANG_MS } from './faults';
import type { CannedAnswer, FailOptions, FailureStatus, FaultController, FaultFilter, InjectedCounts, RequestFacts } from './faults';
import { seededRandom } from './seeded-random';

const COMPLETE_ROUTE = '/api/vr-sessions/:sessionId/complete';

const STATUS_TEXT: Record<FailureStatus, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

interface Counted<T> {
  remaining: number;
  readonly filter: FaultFilter;
  readonly value: T;
}

function matches(filter: FaultFilter, request: RequestFacts): boolean {
  if (filter.method && filter.method.toUpperCase() !== request.method) return false;
  if (filter.path === undefined) return true;
  if (typeof filter.path === 'string') return filter.path === request.path || filter.path === request.route;
  return filter.path.test(request.path);
}

function requireCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
}

/** Consumes one use of the first rule matching the request. */
function take<T>(rules: Array<Counted<T>>, request: RequestFacts): T | undefined {
  const rule = rules.find((r) => r.remaining > 0 && matches(r.filter, request));
  if (!rule) return undefined;
  rule.remaining -= 1;
  return rule.value;
}

interface RateRule {
  readonly filter: FaultFilter;
  readonly probability: number;
  readonly failure: { status: FailureStatus; body: string };
  readonly random: () => number;
  remaining: number;
}

/**
 * The fault switches, kept in memory by the harness (not in the store): a restart keeps whatever a test
 * set up, and nothing a test injects can leak into the data a later run reads.
 */
export function createFaults(expireAllTokens: () => void): FaultController {
  let fails: Array<Counted<{ status: FailureStatus; body: string }>> = [];
  let rates: RateRule[] = [];
  let hangs: Array<Counted<{ maxHangMs: number }>> = [];
  let resetsBefore: Array<Counted<true>> = [];
  let resetsAfter: Array<Counted<true>> = [];
  let delays: Array<Counted<number>> = [];
  let conflicts: Array<Counted<{ sessionId: string | undefined; cmi: CmiData }>> = [];
  let canned: Array<Counted<CannedAnswer>> = [];
  let truncations: Array<Counted<true>> = [];
  let completionConflicts: Array<Counted<{ error: string; code?: string }>> = [];
  const injected: InjectedCounts = { failed: 0, hung: 0, resetBeforeWrite: 0, resetAfterWrite: 0, delayed: 0, scormConflicts: 0, canned: 0, truncated: 0, repeatedCompletionConflicts: 0 };
  const failure = (options: FailOptions) => {
    const status = options.status ?? 503;
    return { status, body: options.body ?? STATUS_TEXT[status] };
  };
  const isWrite = (request: RequestFacts) => request.method !== 'GET' && request.method !== 'HEAD';

  const controller: FaultController = {
    honourIdempotencyKeys: true,
    injected,
    failNext(count, options = {}) {
      requireCount(count);
      fails.push({ remaining: count, filter: options, value: failure(options) });
    },
    failRate(probability, options = {}) {
      if (!(probability >= 0 && probability <= 1)) throw new RangeError(`probability must be within 0..1, got ${probability}`);
      rates.push({ filter: options, probability, failure: failure(options), random: seededRandom(options.seed ?? 1), remaining: options.maxFailures ?? Infinity });
    },
    hangNext(count, options = {}) {
      requireCount(count);
      hangs.push({ remaining: count, filter: options, value: { maxHangMs: options.maxHangMs ?? DEFAULT_MAX_HANG_MS } });
    },
    resetBeforeWrite(count, filter = {}) {
      requireCount(count);
      resetsBefore.push({ remaining: count, filter, value: true });
    },
    resetAfterWrite(count, filter = {}) {
      requireCount(count);
      resetsAfter.push({ remaining: count, filter, value: true });
    },
    slow(delayMs, options = {}) {
      if (!(delayMs >= 0 && Number.isFinite(delayMs))) throw new RangeError(`delayMs must be a finite non-negative number, got ${delayMs}`);
      if (options.count !== undefined) requireCount(options.count);
      delays.push({ remaining: options.count ?? Infinity, filter: options, value: delayMs });
    },
    expireAllTokens,
    scormConflictNext(options = {}) {
      const count = options.count ?? 1;
      requireCount(count);
      conflicts.push({ remaining: count, filter: {}, value: { sessionId: options.sessionId, cmi: options.cmi ?? DEFAULT_CONFLICT_CMI } });
    },
    answerNext(count, answer, filter = {}) {
      requireCount(count);
      canned.push({ remaining: count, filter, value: answer });
    },
    truncateNext(count, filter = {}) {
      requireCount(count);
      truncations.push({ remaining: count, filter, value: true });
    },
    repeatedCompletionConflictNext(count, options = {}) {
      requireCount(count);
      const code = options.code === undefined ? 'ALREADY_COMPLETED' : options.code;
      if (code !== null && (code.length === 0 || code.length > 100)) throw new RangeError('code must be 1 to 100 characters, or null');
      const body = code === null ? { error: 'Conflict' } : { error: 'Session is already completed', code };
      completionConflicts.push({ remaining: count, filter: { method: 'POST', path: COMPLETE_ROUTE }, value: body });
    },
    clear() {
      canned = [];
      completionConflicts = [];
      truncations = [];
      fails = [];
      rates = [];
      hangs = [];
      resetsBefore = [];
      resetsAfter = [];
      delays = [];
      conflicts = [];
      controller.honourIdempotencyKeys = true;
    },

    takeDelay(request) {
      const ms = take(delays, request);
      if (ms === undefined) return 0;
      injected.delayed += 1;
      return ms;
    },
    takeHang(request) {
      const hang = take(hangs, request);
      if (!hang) return null;
      injected.hung += 1;
      return hang;
    },
    takeFailure(request) {
      let chosen = take(fails, request);
      if (!chosen) {
        // Every matching rate rule draws once per request, so the sequence of draws depends only on the
        // requests that matched, never on timing.
        for (const rule of rates) {
          if (rule.remaining <= 0 || !matches(rule.filter, request)) continue;
          if (rule.random() < rule.probability && !chosen) {
            rule.remaining -= 1;
            chosen = rule.failure;
          }
        }
      }
      if (!chosen) return null;
      injected.failed += 1;
      return chosen;
    },
    takeResetBeforeWrite(request) {
      if (!isWrite(request) || !take(resetsBefore, request)) return false;
      injected.resetBeforeWrite += 1;
      return true;
    },
    takeResetAfterWrite(request) {
      if (!isWrite(request) || !take(resetsAfter, request)) return false;
      injected.resetAfterWrite += 1;
      return true;
    },
    takeCanned(request) {
      const answer = take(canned, request);
      if (!answer) return null;
      injected.canned += 1;
      return answer;
    },
    takeTruncate(request) {
      if (!isWrite(request) || !take(truncations, request)) return false;
      injected.truncated += 1;
      return true;
    },
    takeRepeatedCompletionConflict(request) {
      const body = take(completionConflicts, request);
      if (!body) return null;
      injected.repeatedCompletionConflicts += 1;
      return body;
    },
    takeScormConflict(sessionId) {
      const rule = conflicts.find((r) => r.remaining > 0 && (r.value.sessionId === undefined || r.value.sessionId === sessionId));
      if (!rule) return null;
      rule.remaining -= 1;
      injected.scormConflicts += 1;
      return rule.value.cmi;
    },
  };
  return controller;
}
