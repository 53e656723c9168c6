import type { CmiData } from '../../shared/schemas/scorm-session';

/**
 * Which requests a fault applies to. `path` as a string matches the request path exactly or the route
 * pattern (e.g. '/api/vr-sessions/:sessionId/complete'); as a RegExp it is tested against the path.
 */
export interface FaultFilter {
  readonly path?: string | RegExp;
  readonly method?: string;
}

export type FailureStatus = 500 | 502 | 503;

export interface FailOptions extends FaultFilter {
  readonly status?: FailureStatus;
  /** Sent as the body (text/plain); defaults to the status text, as a proxy would send. */
  readonly body?: string;
}

export interface FailRateOptions extends FailOptions {
  /** Seed for the deterministic random draw; the same seed fails the same requests. */
  readonly seed?: number;
  /** Stop failing after this many failures. */
  readonly maxFailures?: number;
}

export interface HangOptions extends FaultFilter {
  /** The socket is destroyed after this long if the client has not given up first. */
  readonly maxHangMs?: number;
}

export interface SlowOptions extends FaultFilter {
  /** How many requests to slow down; all matching ones until clear() when left out. */
  readonly count?: number;
}

export interface ScormConflictOptions {
  /** Only a PUT to this session; any session when left out. */
  readonly sessionId?: string;
  /** What the "other device" wrote into cmi_data (merged over the stored values). */
  readonly cmi?: CmiData;
  readonly count?: number;
}

/**
 * An answer given instead of handling the request (nothing applied): a redirect (as a captive portal or
 * an http->https hop sends), a portal's own 200 HTML page, or a 429/503 with Retry-After.
 */
export type CannedAnswer =
  | { readonly kind: 'redirect'; readonly status: 301 | 302 | 303 | 307 | 308; readonly location: string }
  | { readonly kind: 'html' }
  /** A plain refusal with a JSON error, as a remote without an endpoint (404/405/501) answers. */
  | { readonly kind: 'status'; readonly status: 404 | 405 | 501 }
  | { readonly kind: 'retry_after'; readonly status: 429 | 503; readonly value: string }
  /**
   * Any JSON answer: a 2xx whose JSON is not the seed's response (a remote or proxy answering in its own
   * words), or a refusal the seed's remote would give for reasons of its own (400 VALIDATION_ERROR).
   */
  | { readonly kind: 'json'; readonly status: 200 | 201 | 400 | 409 | 422; readonly body: unknown };

export interface RepeatedCompletionConflictOptions {
  /**
   * The `code` of the 409's `{error, code}` body: the seed's `ALREADY_COMPLETED` by default; null sends
   * `{error}` alone (a remote with no codes); any other string, a code the kiosk does not know.
   */
  readonly code?: string | null;
}

/** How many times each fault actually fired, for asserting that a test exercised what it meant to. */
export interface InjectedCounts {
  failed: number;
  hung: number;
  resetBeforeWrite: number;
  resetAfterWrite: number;
  delayed: number;
  scormConflicts: number;
  canned: number;
  truncated: number;
  repeatedCompletionConflicts: number;
}

/** The switches a test flips. Every fault is bounded: by a count, a maximum, or clear(). */
export interface Faults {
  /** When false, Idempotency-Key headers are ignored: no replay, nothing remembered. */
  honourIdempotencyKeys: boolean;
  /** The next `count` matching requests get `status` (default 503) and are not applied. */
  failNext(count: number, options?: FailOptions): void;
  /** Each matching request fails with this probability, drawn from a seeded PRNG. */
  failRate(probability: number, options?: FailRateOptions): void;
  /** The next `count` matching requests get no response at all (the client's timeout fires). */
  hangNext(count: number, options?: HangOptions): void;
  /** The next `count` matching writes see their connection destroyed before anything is applied. */
  resetBeforeWrite(count: number, filter?: FaultFilter): void;
  /** The next `count` matching writes are applied and committed, then the connection is destroyed. */
  resetAfterWrite(count: number, filter?: FaultFilter): void;
  /** Matching requests wait delayMs before being handled. */
  slow(delayMs: number, options?: SlowOptions): void;
  /** Every token issued so far answers 401 from now on, until the test issues new ones. */
  expireAllTokens(): void;
  /**
   * The next SCORM PUT finds the session changed by "another device" first: version bumped and `cmi`
   * merged in, so the PUT's version is stale and it gets 409 with the current session.
   */
  scormConflictNext(options?: ScormConflictOptions): void;
  /** The next `count` matching requests get `answer` and nothing is applied. */
  answerNext(count: number, answer: CannedAnswer, filter?: FaultFilter): void;
  /**
   * The next `count` matching writes are applied and committed, then answered with their 2xx status and
   * only the first half of the JSON body (well framed: the connection ends cleanly).
   */
  truncateNext(count: number, filter?: FaultFilter): void;
  /**
   * The next `count` completions the server refuses because the session is already completed (the seed's
   * `400 ALREADY_COMPLETED`, i.e. a repeated completion) are answered `409` instead, as some remotes do.
   * Nothing else is touched: a first completion still succeeds, and the count is used only by repeats.
   */
  repeatedCompletionConflictNext(count: number, options?: RepeatedCompletionConflictOptions): void;
  /** Removes every pending fault (idempotency goes back to honoured); counters stay. */
  clear(): void;
  readonly injected: Readonly<InjectedCounts>;
}

/** What the pipeline knows about a request when it asks whether a fault applies. */
export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly route: string;
}

/** The server's side of the switches: each take* consumes one matching fault, if any. */
export interface FaultController extends Faults {
  takeDelay(request: RequestFacts): number;
  takeHang(request: RequestFacts): { maxHangMs: number } | null;
  takeFailure(request: RequestFacts): { status: FailureStatus; body: string } | null;
  takeResetBeforeWrite(request: RequestFacts): boolean;
  takeResetAfterWrite(request: RequestFacts): boolean;
  takeScormConflict(sessionId: string): CmiData | null;
  takeCanned(request: RequestFacts): CannedAnswer | null;
  takeTruncate(request: RequestFacts): boolean;
  /** For a repeated completion's 400 ALREADY_COMPLETED: the 409 body to answer instead, or null. */
  takeRepeatedCompletionConflict(request: RequestFacts): { error: string; code?: string } | null;
}

export const DEFAULT_MAX_HANG_MS = 30_000;
export const DEFAULT_CONFLICT_CMI: CmiData = {
  'cmi.core.lesson_location': 'page-from-other-device',
  'cmi.suspend_data': 'other-device-state',
};
