/**
 * Shared machinery of the local API fuzz suite (test/fuzz/local-api-*.test.ts): one seeded world per
 * property, arbitraries for hostile requests, and the checks every answer must pass.
 *
 * Properties, for every request fast-check makes up:
 * - the handler answers (never throws) with JSON, and never with an unexpected 500;
 * - an error carries the error shape and code of its API family, with the status that code implies;
 * - a refused request (4xx/5xx) and any read leave every table exactly as it was;
 * - an accepted write leaves the database consistent: every new or changed synced record has a new outbox
 *   row naming it, every new outbox row is a valid operation, nothing is deleted, older outbox rows untouched.
 *
 * Runs use a fixed seed (FUZZ_SEED overrides it, FUZZ_RUNS scales the run counts); fast-check prints the seed
 * and the path of a failure so it replays exactly.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { z } from 'zod';
import { signIn } from '../../renderer/src/auth/kiosk-auth';
import { createLocalApi } from '../../renderer/src/local-server/local-api';
import type { LocalApi } from '../../renderer/src/local-server/local-api';
import { SCORM_ERROR_STATUS } from '../../renderer/src/local-server/scorm-api-response';
import { VR_ERROR_STATUS } from '../../shared/schemas/api-error';
import { LESSON_PLAY_ERROR_MESSAGES } from '../../shared/schemas/api-error';
import { attemptLogSchema } from '../../shared/schemas/attempt-log';
import { listLessonPlaysResponseSchema } from '../../shared/schemas/lesson-play';
import { masteryLogSchema } from '../../shared/schemas/mastery-log';
import { listScormSessionsResponseSchema } from '../../shared/schemas/scorm-session';
import { listVrSessionsResponseSchema } from '../../shared/schemas/vr-session';
import { outboxOperationSchema } from '../../shared/sync/outbox-operation';
import { ALICE, BOB, CHEM_PKG, SAFETY_PKG, TENANT } from '../support/local-api-fixture';
import { createScormApiFixture, COURSE_12, COURSE_MULTI } from '../support/scorm-api-fixture';
import type { ScormApiFixture } from '../support/scorm-api-fixture';
import { switchableGuard } from '../support/instructor-guards';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const RUN_SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? 1);

/** fast-check parameters for one property: the suite's fixed seed, `runs` scaled by FUZZ_RUNS_SCALE. */
export function fuzzParams(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(runs * RUN_SCALE)), endOnFailure: false, verbose: 1 };
}

export const LESSON = 'lesson789';
export const ORIGIN = 'http://outpost.local';

export interface FuzzWorld {
  readonly f: ScormApiFixture;
  readonly api: LocalApi;
  readonly guard: ReturnType<typeof switchableGuard>;
  readonly tokens: { readonly alice: string; readonly bob: string; readonly expired: string };
  /** Records that exist, so paths can name real ones (the learner's own and someone else's). */
  readonly ids: {
    readonly aliceVrSession: string;
    readonly bobVrSession: string;
    readonly alicePlay: string;
    readonly bobPlay: string;
    readonly aliceContentSession: string;
    readonly bobContentSession: string;
    readonly aliceScormSession: string;
    readonly dispatch: string;
    readonly dispatchHandle: string;
  };
}

const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } };

/** The two-learner kiosk of the route tests, with one record of every kind per learner and an instructor who may sign in. */
export async function createFuzzWorld(): Promise<FuzzWorld> {
  const base = await createScormApiFixture();
  const guard = switchableGuard(true);
  const api = createLocalApi({ ...base.deps, instructor: guard });
  const f: ScormApiFixture = { ...base, api };
  await f.db.lessons.bulkAdd([{ id: LESSON, title: { en: 'Pure Yoga' }, sessions: [{ title: { en: 'Warmup' } }] }, { id: 'lesson-2', title: { en: 'Tai Chi' } }]);
  const alice = await f.token(ALICE);
  const bob = await f.token(BOB);
  const expiredSignIn = await signIn(f.db, ALICE, null, { now: () => new Date('2026-03-01T09:00:00.000Z') });
  if (!expiredSignIn.ok) throw new Error(expiredSignIn.reason);
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const headers: Record<string, string> = token === 'instructor' ? { authorization: 'Instructor' } : { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await api(new Request(`${ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
    const parsed = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300) throw new Error(`seeding ${method} ${path} failed: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  };
  const idOf = (body: Record<string, unknown>, key: string): string => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], body);
    if (typeof value !== 'string') throw new Error(`no ${key} in ${JSON.stringify(body)}`);
    return value;
  };
  const aliceVr = await call('POST', '/api/vr-sessions', alice, { package_id: SAFETY_PKG });
  const bobVr = await call('POST', '/api/vr-sessions', bob, { package_id: CHEM_PKG });
  const alicePlay = await call('POST', '/api/lesson-plays', alice, { lessonId: LESSON });
  const bobPlay = await call('POST', '/api/lesson-plays', bob, { lessonId: LESSON });
  const aliceContent = await call('POST', '/api/logger/contentsession', alice, exercise);
  const bobContent = await call('POST', '/api/logger/contentsession', bob, exercise);
  await call('PUT', `/api/logger/contentsession/${idOf(aliceContent, 'session_id')}`, alice, { interactions: [{ item: 'a', correct: 1, time_spent: 3, answer: { v: 1 } }], progress_delta: 0.2 });
  await call('POST', `/api/v1/packages/${COURSE_MULTI}/launch`, alice, { user_id: ALICE, session_id: 'a-1' });
  const dispatch = await call('POST', `/api/v1/packages/${COURSE_12}/dispatches`, 'instructor', { label: 'LMS', destination: 'lms.example' });
  const dispatchUrl = idOf(dispatch, 'dispatch_url');
  return {
    f,
    api,
    guard,
    tokens: { alice, bob, expired: expiredSignIn.token },
    ids: {
      aliceVrSession: idOf(aliceVr, 'session.id'),
      bobVrSession: idOf(bobVr, 'session.id'),
      alicePlay: idOf(alicePlay, 'lessonPlayId'),
      bobPlay: idOf(bobPlay, 'lessonPlayId'),
      aliceContentSession: idOf(aliceContent, 'session_id'),
      bobContentSession: idOf(bobContent, 'session_id'),
      aliceScormSession: 'a-1',
      dispatch: idOf(dispatch, 'dispatch.id'),
      dispatchHandle: dispatchUrl.slice(dispatchUrl.lastIndexOf('/') + 1),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

/** Characters a header value may hold (Latin-1, no controls): anything else the Request constructor refuses. */
const headerChar = fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c));
export const headerText = fc.string({ unit: headerChar, maxLength: 80 });

/** Text of every kind: ASCII, full Unicode (lone surrogates included), and the odd ones parsers trip on. */
export const oddText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\u0000', '..', '../..', '%', '%ZZ', '%00', '%2e%2e', '%2F', '%E0%A4%A', '__proto__', 'constructor', 'null', 'undefined', 'NaN', '1e400', '-1', '0', '-0', '9007199254740993', '😀', '\uFEFF', 'a'.repeat(4000)),
);

/** A path segment: mostly percent-encoded, sometimes raw hostile escapes that a decoder may choke on. */
export function pathSegment(valid: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    { weight: 3, arbitrary: oddText.map((text) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '?'))) },
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e', '..', '%2F..%2F', 'a%20b', '%F0%9F%98%80') },
    { weight: 1, arbitrary: fc.uuid().map(String) },
  );
}

const queryValue = fc.oneof(
  oddText,
  fc.constantFrom('1', '2', '100', '101', '1000', '1001', '1000001', '-5', '0', '1.5', '1e3', '1e400', 'Infinity', '0x10', ' 7 ', 'true', 'false', 'asc', 'desc', 'createdAt', 'score', '[1,"x"]', '["",""]', '[null,null]', '{}'),
  fc.integer().map(String),
  fc.double().map(String),
);

/**
 * A query string: known and unknown keys, repeated keys, odd values, and raw undecodable escapes. `base`
 * (a valid query, without "?") starts half of them, so endpoints that need several parameters get past
 * their validation too.
 */
export function queryString(keys: readonly string[], validPairs: readonly (readonly [string, string])[] = [], base = ''): fc.Arbitrary<string> {
  const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: oddText });
  const pair = fc.oneof(
    { weight: 2, arbitrary: fc.tuple(key, queryValue) },
    ...(validPairs.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...validPairs).map(([k, v]) => [k, v] as [string, string]) }] : []),
  );
  return fc
    .tuple(
      fc.boolean(),
      fc.oneof({ weight: 1, arbitrary: fc.constant<[string, string][]>([]) }, { weight: 2, arbitrary: fc.array(pair, { maxLength: 6 }) }),
      fc.constantFrom('', '', '', '', '', '&%ZZ=1', '&a=%', '&&&', '&=', '&x'),
    )
    .map(([withBase, pairs, raw]) => {
      const params = new URLSearchParams(withBase ? base : '');
      for (const [k, v] of pairs) params.append(k.replace(/[\uD800-\uDFFF]/g, '?'), v.replace(/[\uD800-\uDFFF]/g, '?'));
      const text = params.toString() + raw;
      return text === '' ? '' : `?${text}`;
    });
}

export type Caller = 'alice' | 'bob' | 'expired' | 'instructor' | 'instructor-signed-out' | 'none' | 'garbage';

/** Who calls, and how the credential is spelled: Bearer, cookie (also undecodable), odd schemes and junk. */
export function credentials(world: FuzzWorld, instructorWeight = 2): fc.Arbitrary<{ caller: Caller; headers: Record<string, string>; instructorSignedIn: boolean }> {
  const { alice, bob, expired } = world.tokens;
  const asHeaders = (caller: Caller, headers: Record<string, string>, instructorSignedIn = true) => ({ caller, headers, instructorSignedIn });
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(asHeaders('alice', { authorization: `Bearer ${alice}` })) },
    { weight: 1, arbitrary: fc.constant(asHeaders('alice', { cookie: `theme=dark; outpost_session=${encodeURIComponent(alice)}` })) },
    { weight: 1, arbitrary: fc.constant(asHeaders('alice', { authorization: `bearer   ${alice}` })) },
    { weight: 2, arbitrary: fc.constant(asHeaders('bob', { authorization: `Bearer ${bob}` })) },
    { weight: 1, arbitrary: fc.constant(asHeaders('expired', { authorization: `Bearer ${expired}` })) },
    { weight: instructorWeight, arbitrary: fc.constantFrom('Instructor', ' Instructor ').map((value) => asHeaders('instructor', { authorization: value })) },
    { weight: 1, arbitrary: fc.constant(asHeaders('instructor-signed-out', { authorization: 'Instructor' }, false)) },
    { weight: 1, arbitrary: fc.constant(asHeaders('none', {})) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom('Bearer', 'Bearer ', `Bearer ${alice} extra`, `Basic ${alice}`, 'instructor', 'Instructor x', `Bearer ${alice.slice(0, -1)}`, 'Bearer %ZZ'),
          headerText.map((text) => `Bearer ${text}`),
          headerText,
        )
        .map((value) => asHeaders('garbage', { authorization: value })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.constantFrom('outpost_session=%ZZ', 'outpost_session=%', 'outpost_session=', 'outpost_session', '=;;=', `outpost_session=${alice}%E0%A4%A`), headerText.map((text) => `outpost_session=${text}`))
        .map((value) => asHeaders('garbage', { cookie: value })),
    },
  );
}

export const contentType = fc.constantFrom<string | null>(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '*/*',
  ';;;',
  null,
);

/** Replaces, removes or adds one top-level field of a valid body; the replacement is any JSON at all. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const anything = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(1e308, -1, 0, -0.5, 1.5, 2 ** 53 + 2, '', 'x'.repeat(5000), [], {}, null, true));
  const added = fc.tuple(oddText, anything).map(([key, value]) => ({ ...valid, [key]: value }));
  if (keys.length === 0) return added;
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), anything).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    added,
  );
}

/** Nested n levels deep: a stack-depth attack on whatever walks the body (zod, structured clone, JSON). */
const deepJson = fc.integer({ min: 40, max: 20_000 }).map((depth) => ({ kind: 'deep' as const, depth }));
const hugeJson = fc.integer({ min: 256 * 1024, max: 3 * 1024 * 1024 }).map((bytes) => ({ kind: 'huge' as const, bytes }));

export type BodySpec =
  | { readonly kind: 'none' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'deep'; readonly depth: number }
  | { readonly kind: 'huge'; readonly bytes: number };

/**
 * A body: valid ones and their one-field mutations (most of the weight, so the checks past parsing are
 * reached), any JSON, non-JSON text, deep nesting and multi-megabyte bodies (built lazily, so shrinking
 * stays cheap). `valid` bodies must already pass the endpoint's schema.
 */
export function bodySpec(valid: readonly Record<string, unknown>[]): fc.Arbitrary<BodySpec> {
  const text = (value: unknown): BodySpec => ({ kind: 'text', text: JSON.stringify(value) });
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid).map(text) },
    { weight: 6, arbitrary: fc.constantFrom(...valid).chain(mutated).map(text) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(text) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((t): BodySpec => ({ kind: 'text', text: t })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodySpec>(
        { kind: 'none' },
        { kind: 'text', text: '' },
        { kind: 'text', text: '{' },
        { kind: 'text', text: 'null' },
        { kind: 'text', text: '[]' },
        { kind: 'text', text: '"x"' },
        { kind: 'text', text: '1e400' },
        { kind: 'text', text: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}' },
        { kind: 'text', text: '\uFEFF{}' },
        { kind: 'text', text: '{"a":1,"a":2}' },
      ),
    },
    { weight: 1, arbitrary: deepJson },
    { weight: 1, arbitrary: hugeJson },
  );
}

/**
 * Deep and huge bodies wrap a valid one, so they reach past the top-level checks: the deep value goes into
 * `deepKey` (a field that takes any JSON, where there is one), the padding into a field of its own.
 */
export function bodyText(spec: BodySpec, valid: Record<string, unknown>, deepKey = Object.keys(valid)[0] ?? 'x'): string | undefined {
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'text':
      return spec.text;
    case 'deep': {
      const inner = `${'{"a":'.repeat(spec.depth)}1${'}'.repeat(spec.depth)}`;
      const marker = '"__deep_marker__"';
      return JSON.stringify({ ...valid, [deepKey]: '__deep_marker__' }).replace(marker, inner);
    }
    case 'huge':
      return JSON.stringify({ ...valid, padding: 'x'.repeat(spec.bytes) });
  }
}

export function bodyLabel(spec: BodySpec): string {
  if (spec.kind === 'text') return spec.text.length > 200 ? `${spec.text.slice(0, 200)}… (${spec.text.length} chars)` : spec.text;
  return JSON.stringify(spec);
}

// ---------------------------------------------------------------------------------------------------------
// Sending and checking

export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | undefined;
  readonly instructorSignedIn: boolean;
}

export interface FuzzAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: unknown;
  readonly location: string | null;
}

/** Sends one request; an exception out of the handler fails the property with the request in the message. */
export async function send(world: FuzzWorld, request: FuzzRequest): Promise<FuzzAnswer> {
  world.guard.signedIn = request.instructorSignedIn;
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD') init.body = request.body;
  const response = await world.api(new Request(`${ORIGIN}${request.path}`, init));
  const text = await response.text();
  let body: unknown = undefined;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${request.method} ${request.path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body, location: response.headers.get('location') };
}

export type ApiFamily = 'vr' | 'lesson-plays' | 'logger' | 'scorm';

const codedError = z.object({ error: z.string().min(1), code: z.string(), details: z.unknown().optional() }).loose();
const LOGGER_STATUS: Record<string, number> = { VALIDATION_ERROR: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, PROFILE_NOT_FOUND: 404 };
/** The one message each non-400 status of the lesson-plays seed has; a 400 says which field (any text). */
const LESSON_PLAY_SEED_MESSAGE: Record<number, string> = {
  401: LESSON_PLAY_ERROR_MESSAGES.unauthorized,
  404: LESSON_PLAY_ERROR_MESSAGES.lessonPlayNotFound,
  500: LESSON_PLAY_ERROR_MESSAGES.clientNotFound,
};

/**
 * The family's error shape: VR and logger `{ error, code }` with the seed's status for the code; SCORM the
 * same with its own table; lesson plays `{ error }` alone, 400 with any message, 401, 404 and 500 with the
 * seed's one message for each. A 500 is never right, except the lesson-plays seed's own
 * "Client ID not found" (docs/api/lesson-plays.md).
 */
export function expectSeedAnswer(family: ApiFamily, request: FuzzRequest, answer: FuzzAnswer): void {
  const where = `${request.method} ${request.path} -> ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`;
  expect(answer.status, where).toBeGreaterThanOrEqual(200);
  expect(answer.status, where).toBeLessThan(600);
  if (request.method === 'HEAD') {
    // A HEAD answer has no body to check; its status is the GET's (see checkRequest), or the router's 404.
    if (family !== 'lesson-plays') expect(answer.status, where).not.toBe(500);
    return;
  }
  if (answer.status === 302) {
    expect(answer.location, where).toMatch(/^https?:\/\/[^/]+\/player\/[^?]+\?token=/);
    return;
  }
  expect(answer.contentType, where).toMatch(/^application\/json/);
  if (answer.status < 400) return;
  // No route matched (an empty or extra segment, another method): the router's 404, the same in every family.
  if (answer.status === 404 && JSON.stringify(answer.body) === JSON.stringify({ error: 'Not found' })) return;
  if (family === 'lesson-plays') {
    const body = z.object({ error: z.string().min(1) }).strict().parse(answer.body);
    expect([400, 401, 404, 500], where).toContain(answer.status);
    const seedMessage = LESSON_PLAY_SEED_MESSAGE[answer.status];
    if (seedMessage !== undefined) expect(body.error, where).toBe(seedMessage);
    return;
  }
  expect(answer.status, where).not.toBe(500);
  const parsed = codedError.safeParse(answer.body);
  expect(parsed.success, where).toBe(true);
  const code = parsed.data?.code ?? '';
  const table: Record<string, number> = family === 'scorm' ? { ...SCORM_ERROR_STATUS, ...VR_ERROR_STATUS } : family === 'logger' ? LOGGER_STATUS : VR_ERROR_STATUS;
  expect(Object.keys(table), where).toContain(code);
  expect(answer.status, where).toBe(table[code]);
}

/** Every table's rows, keyed by primary key, as JSON text so changes compare exactly. */
export type Snapshot = Map<string, Map<string, string>>;

export async function snapshot(world: FuzzWorld): Promise<Snapshot> {
  const db = world.f.db;
  const result: Snapshot = new Map();
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      const rows = new Map<string, string>();
      await table.toCollection().each((row, cursor) => {
        rows.set(JSON.stringify(cursor.primaryKey), JSON.stringify(row));
      });
      result.set(table.name, rows);
    }
  });
  return result;
}

function changedKeys(before: Map<string, string> | undefined, after: Map<string, string> | undefined): { added: string[]; changed: string[]; removed: string[] } {
  const b = before ?? new Map<string, string>();
  const a = after ?? new Map<string, string>();
  return {
    added: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...a.keys()].filter((k) => b.has(k) && b.get(k) !== a.get(k)),
    removed: [...b.keys()].filter((k) => !a.has(k)),
  };
}

export function expectUnchanged(before: Snapshot, after: Snapshot, where: string): void {
  for (const [name, rows] of before) {
    const diff = changedKeys(rows, after.get(name));
    expect({ table: name, ...diff }, `${where}: a refused request or a read changed ${name}`).toEqual({ table: name, added: [], changed: [], removed: [] });
  }
}

/** Tables whose every written row travels to the remote as an outbox operation naming it. */
const SYNCED_RECORDS = ['vrSessions', 'scormSessions', 'contentSessionLogs', 'lessonPlays'];
/** Written without an outbox row on purpose: dispatches are the kiosk's own (docs/api/scorm.md). */
const LOCAL_ONLY = ['scormDispatches'];

/**
 * Fields a write may change without telling the remote, because they are the kiosk's own bookkeeping: a
 * SCORM session's launch count (a resume counts one more, docs/api/scorm.md has no such field).
 */
const LOCAL_FIELDS: Record<string, readonly string[]> = { scormSessions: ['attempts'] };

function withoutLocalFields(table: string, json: string | undefined): string | undefined {
  const local = LOCAL_FIELDS[table];
  if (!local || json === undefined) return json;
  const row = JSON.parse(json) as Record<string, unknown>;
  for (const field of local) delete row[field];
  return JSON.stringify(row);
}

export function expectConsistentWrite(before: Snapshot, after: Snapshot, where: string): void {
  const outbox = changedKeys(before.get('outbox'), after.get('outbox'));
  expect(outbox.changed, `${where}: an accepted write changed older outbox rows`).toEqual([]);
  expect(outbox.removed, `${where}: an accepted write removed outbox rows`).toEqual([]);
  const newOps = outbox.added.map((key) => outboxOperationSchema.parse(JSON.parse(after.get('outbox')?.get(key) ?? 'null')));
  const named = new Set(newOps.map((op) => JSON.stringify(op.entity_id)));
  let anyChange = false;
  for (const [name, rows] of after) {
    if (name === 'outbox') continue;
    const diff = changedKeys(before.get(name), rows);
    expect(diff.removed, `${where}: an accepted write removed rows of ${name}`).toEqual([]);
    const touched = [...diff.added, ...diff.changed.filter((key) => withoutLocalFields(name, before.get(name)?.get(key)) !== withoutLocalFields(name, rows.get(key)))];
    if (touched.length > 0 && !LOCAL_ONLY.includes(name)) anyChange = true;
    if (SYNCED_RECORDS.includes(name)) {
      for (const key of touched) expect(named.has(key), `${where}: ${name} ${key} was written without an outbox row`).toBe(true);
    }
  }
  if (anyChange) expect(newOps.length, `${where}: records changed but nothing was queued`).toBeGreaterThan(0);
}

/** One request through every check: the answer's shape, then the database before and after. */
export async function checkRequest(world: FuzzWorld, family: ApiFamily, request: FuzzRequest, options: { readonly write: boolean }): Promise<FuzzAnswer> {
  const before = await snapshot(world);
  const answer = await send(world, request);
  expectSeedAnswer(family, request, answer);
  if (request.method === 'HEAD' && answer.status >= 500) {
    // No body to read: the same request as a GET must be the seed's own 500 (lesson plays' "Client ID not found").
    const get = { ...request, method: 'GET', body: undefined };
    const again = await send(world, get);
    expect(again.status).toBe(answer.status);
    expectSeedAnswer(family, get, again);
  }
  const after = await snapshot(world);
  const where = `${request.method} ${request.path} -> ${answer.status}`;
  if (answer.status >= 400 || !options.write) expectUnchanged(before, after, where);
  else expectConsistentWrite(before, after, where);
  return answer;
}

export { ALICE, BOB, CHEM_PKG, SAFETY_PKG, TENANT, COURSE_12, COURSE_MULTI };

// ---------------------------------------------------------------------------------------------------------
// Endpoints

export interface Endpoint {
  readonly family: ApiFamily;
  readonly method: string;
  /** The path with its parameters filled in (see pathSegment), without the query. */
  readonly path: fc.Arbitrary<string>;
  readonly query?: fc.Arbitrary<string>;
  /**
   * Valid bodies the fuzz mutates; absent for endpoints that take none (a body is still sent sometimes). A
   * function is asked at each run, for bodies that must follow the record (a SCORM session's version).
   */
  readonly bodies?: readonly Record<string, unknown>[] | (() => readonly Record<string, unknown>[]);
  /** Told every answer, so `bodies` can follow what the API said. */
  readonly observe?: (answer: FuzzAnswer) => void;
  readonly deepKey?: string;
  /** Whether an accepted request may write (else any answer must leave the database as it was). */
  readonly write: boolean;
  /** Endpoints only the instructor may use get more instructor calls, so some get past the role check. */
  readonly instructorOnly?: boolean;
  /**
   * A well-formed path and query (real ids, required parameters): a fifth of the requests are well-formed
   * in every part, so each run reaches the endpoint's own rules and its writes, not only the refusals.
   */
  readonly wellFormed: fc.Arbitrary<string>;
}

/** One request to an endpoint: its method (now and then another), a path, a query, credentials, a content type and a body. */
export function requestFor(world: FuzzWorld, endpoint: Endpoint): fc.Arbitrary<{ request: FuzzRequest; label: string }> {
  const given = endpoint.bodies;
  const bodiesNow = (): readonly Record<string, unknown>[] => (typeof given === 'function' ? given() : (given ?? [{}]));
  const validBody = fc.constant(null).chain(() => fc.constantFrom(...bodiesNow()));
  const { alice, bob } = world.tokens;
  const wellFormed = fc.record({
    method: fc.constant(endpoint.method),
    path: endpoint.wellFormed,
    query: fc.constant(''),
    who: endpoint.instructorOnly
      ? fc.constant({ caller: 'instructor' as Caller, headers: { authorization: 'Instructor' }, instructorSignedIn: true })
      : fc.constantFrom<{ caller: Caller; headers: Record<string, string>; instructorSignedIn: boolean }>(
          { caller: 'alice', headers: { authorization: `Bearer ${alice}` }, instructorSignedIn: true },
          { caller: 'bob', headers: { authorization: `Bearer ${bob}` }, instructorSignedIn: true },
        ),
    type: fc.constant<string | null>('application/json'),
    body: given ? validBody.map((body): BodySpec => ({ kind: 'text', text: JSON.stringify(body) })) : fc.constant<BodySpec>({ kind: 'none' }),
  });
  const fuzzed = fc.record({
      method: fc.oneof({ weight: 12, arbitrary: fc.constant(endpoint.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') }),
      path: endpoint.path,
      query: endpoint.query ?? fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: queryString(['page', 'id']) }),
      who: credentials(world, endpoint.instructorOnly ? 10 : 2),
      type: contentType,
      body: given ? fc.constant(null).chain(() => bodySpec(bodiesNow())) : fc.oneof({ weight: 3, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) }, { weight: 1, arbitrary: bodySpec([{ x: 1 }]) }),
    });
  return fc
    .oneof({ weight: 1, arbitrary: wellFormed }, { weight: 4, arbitrary: fuzzed })
    .map(({ method, path, query, who, type, body }) => {
      const headers: Record<string, string> = { ...who.headers };
      if (type !== null) headers['content-type'] = type;
      const text = method === 'GET' || method === 'HEAD' ? undefined : bodyText(body, bodiesNow()[0] ?? {}, endpoint.deepKey);
      const request: FuzzRequest = { method, path: `${path}${query}`, headers, body: text, instructorSignedIn: who.instructorSignedIn };
      const label = `${method} ${path}${query} as ${who.caller} ${JSON.stringify(who.headers)} ${type ?? ''} body ${text === undefined ? '-' : bodyLabel(body)}`;
      // fast-check prints a failing case through this, so a multi-megabyte body is reported by its size.
      return { request, label, [fc.toStringMethod]: () => label };
    });
}

/**
 * Runs `runs` made-up requests against one endpoint, each through checkRequest, and asserts that the fuzz
 * reached both sides: some requests accepted (2xx/3xx) and some refused, so a property cannot pass by
 * never getting past authentication.
 */
export async function fuzzEndpoint(world: FuzzWorld, endpoint: Endpoint, runs: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestFor(world, endpoint), async ({ request }) => {
      const answer = await checkRequest(world, endpoint.family, request, { write: endpoint.write && request.method === endpoint.method });
      endpoint.observe?.(answer);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }),
    fuzzParams(runs),
  );
  const histogram = JSON.stringify(Object.fromEntries(statuses));
  expect([...statuses.keys()].some((status) => status < 400), `no request was accepted: ${histogram}`).toBe(true);
  expect([...statuses.keys()].some((status) => status >= 400), `no request was refused: ${histogram}`).toBe(true);
  return statuses;
}

/**
 * After a fuzz run: nothing stored is corrupt. Every record reads back through the API in the seed's
 * response shape, as its learner and as the instructor, and every outbox row is a valid operation.
 */
export async function expectRecordsReadable(world: FuzzWorld): Promise<void> {
  const read = async (path: string, authorization: string) => {
    const answer = await send(world, { method: 'GET', path, headers: { authorization }, instructorSignedIn: true });
    expect(answer.status, `GET ${path}: ${JSON.stringify(answer.body)?.slice(0, 300)}`).toBe(200);
    return answer.body;
  };
  for (const token of [world.tokens.alice, world.tokens.bob]) {
    const sessions = listVrSessionsResponseSchema.parse(await read('/api/vr-sessions', `Bearer ${token}`));
    expect(sessions.sessions.length).toBeGreaterThan(0);
  }
  listScormSessionsResponseSchema.parse(await read('/api/v1/sessions', 'Instructor'));
  let page = 1;
  for (;;) {
    const plays = listLessonPlaysResponseSchema.parse(await read(`/api/lesson-plays?clientId=${TENANT}&pageSize=100&page=${page}`, 'Instructor'));
    if (!plays.hasMore) break;
    page += 1;
  }
  for (const user of [ALICE, BOB]) {
    z.array(masteryLogSchema).parse(await read(`/api/logger/masterylog?content=c1&user=${user}`, 'Instructor'));
    z.array(attemptLogSchema).parse(await read(`/api/logger/attemptlog?user=${user}`, 'Instructor'));
  }
  for (const op of await world.f.db.outbox.toArray()) outboxOperationSchema.parse(op);
}
