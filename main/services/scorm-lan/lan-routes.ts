import { z } from 'zod';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../../shared/json/json-depth';
import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';
import type { ByteReader } from '../../../shared/bytes/read-capped-bytes';
import { COURSE_ID_PATTERN } from '../../../shared/scorm/scorm-ipc-contract';
import { DISPATCH_HANDLE_PATTERN, LAN_LIMITS, LMS_LEARNER_ID_PATTERN, LMS_LEARNER_NAME_MAX, scormLanLaunchAnswerSchema } from '../../../shared/scorm/lan-wire';
import { createCourseHost } from '../scorm/course-host';
import type { LaunchSigner } from '../scorm/launch-token';
import type { LanRelay, LanRelayOutcome } from './lan-relay';
import type { LanSittings } from './lan-sittings';
import { API_CSP, hostPage, jsonAnswer, kioskNotAnswering, lanError, lanHeaders, launchUnavailable, learnerIdRequired, messagePage } from './lan-pages';

export interface LanRouteDeps {
  readonly relay: LanRelay;
  readonly sittings: LanSittings;
  readonly signer: LaunchSigner;
  readonly filesDir: (packageId: string) => Promise<string | null>;
  readonly rendererDir: () => string | null;
  /** How long GET /down waits for a message (LAN_LIMITS.pollWaitMs). */
  readonly pollWaitMs: number;
}

/** A dispatch launch's player link lives a quarter of an hour, as on the kiosk (DISPATCH_SESSION_TTL_SECONDS). */
export const LAN_TOKEN_TTL_SECONDS = 900;
/** Session ids become path segments; the course host's player route accepts the same. */
const SID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

const upBodySchema = z.object({ messages: z.array(z.unknown()).max(LAN_LIMITS.maxMessagesPerCall) }).strict();


/** A display name as the LMS sent it, without control characters, cut to LMS_LEARNER_NAME_MAX (never mid-pair). */
function cleanName(raw: string | null): string | undefined {
  if (raw === null) return undefined;
  let name = [...raw]
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim();
  if (name.length > LMS_LEARNER_NAME_MAX) {
    name = name.slice(0, LMS_LEARNER_NAME_MAX);
    if (/[\ud800-\udbff]$/.test(name)) name = name.slice(0, -1);
  }
  return name === '' ? undefined : name;
}

const bearer = (request: Request): string | null => /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null;

function relayFailure(outcome: Exclude<LanRelayOutcome, { kind: 'answer' }>): Response {
  if (outcome.kind === 'timeout') return lanError(504, 'KIOSK_TIMEOUT', 'Outpost on the kiosk did not answer in time');
  if (outcome.kind === 'busy') return lanError(503, 'KIOSK_BUSY', 'Outpost on the kiosk is busy; try again');
  return lanError(503, 'KIOSK_UNAVAILABLE', 'Outpost on the kiosk is not open');
}

const methodNotAllowed = (allow: string) => new Response('Method not allowed', { status: 405, headers: { ...lanHeaders(API_CSP, 'text/plain; charset=utf-8'), Allow: allow } });
const notFound = () => lanError(404, 'NOT_FOUND', 'Not found');

/**
 * The LAN listener's routes (docs/scorm-lan.md, "Main: the LAN listener"), as a fetch handler. The Host
 * guard and the transport bounds are the server's (lan-server.ts); here: the dispatch launch, the host
 * page, the course host per sitting, and the sitting's up and down calls.
 */
export function createLanRoutes(deps: LanRouteDeps): (request: Request) => Promise<Response> {
  const courseHost = createCourseHost({
    signer: deps.signer,
    filesDir: deps.filesDir,
    rendererDir: deps.rendererDir,
    // The shell's parent is the host page, on this listener's own origin as the browser named it.
    appOrigins: (request) => [new URL(request.url).origin],
    frameAncestors: 'any',
  });

  async function launch(url: URL, handle: string): Promise<Response> {
    if (!DISPATCH_HANDLE_PATTERN.test(handle)) return launchUnavailable(404);
    const learnerId = url.searchParams.get('learner_id');
    if (learnerId === null || !LMS_LEARNER_ID_PATTERN.test(learnerId)) return learnerIdRequired();
    const learnerName = cleanName(url.searchParams.get('learner_name'));
    const outcome = await deps.relay.send({ kind: 'launch', handle, learner_id: learnerId, ...(learnerName !== undefined ? { learner_name: learnerName } : {}) });
    if (outcome.kind !== 'answer') return kioskNotAnswering();
    if (outcome.status === 404 || outcome.status === 410) return launchUnavailable(404);
    if (outcome.status >= 400 && outcome.status < 500) return launchUnavailable(outcome.status);
    const answer = scormLanLaunchAnswerSchema.safeParse(outcome.body);
    if (outcome.status !== 200 || !answer.success || !SID_PATTERN.test(answer.data.session_id) || !COURSE_ID_PATTERN.test(answer.data.package_id)) {
      return messagePage(502, 'Outpost could not start the course', 'Outpost on the kiosk answered something unexpected; try again, or tell your teacher.');
    }
    const { session_id: sid, package_id: pkg, learner_id: kioskLearner } = answer.data;
    const uk = deps.signer.learnerKey(kioskLearner);
    const sitting = deps.sittings.open(sid, pkg, uk);
    if (!sitting) {
      deps.relay.notify({ kind: 'close', session_id: sid });
      return messagePage(503, 'Too many courses open', 'Outpost on the kiosk is running as many courses as it may; try again later.');
    }
    const token = deps.signer.sign({ sid, pkg, uk }, LAN_TOKEN_TTL_SECONDS);
    return new Response(null, { status: 302, headers: { ...lanHeaders(API_CSP), Location: `/lan/${sid}/play/?token=${encodeURIComponent(token)}` } });
  }

  async function play(url: URL, sid: string): Promise<Response> {
    const token = url.searchParams.get('token');
    const claims = deps.signer.verify(token);
    const sitting = deps.sittings.get(sid);
    if (!claims || !sitting || claims.sid !== sid || claims.pkg !== sitting.pkg || claims.uk !== sitting.uk || token === null) return launchUnavailable(401);
    const dir = deps.rendererDir();
    const page = dir ? await hostPage(dir, { session_id: sid, secret: sitting.secret, shell_url: `../player/${sid}?token=${encodeURIComponent(token)}` }) : null;
    if (!page) return messagePage(503, 'Course page unavailable', 'This Outpost has no page for courses on the network yet.');
    deps.sittings.touch(sitting);
    return page;
  }

  /** The sitting named in the path, if the call carries its secret; else the refusal. */
  function authorised(request: Request, sid: string): { kind: 'live'; sitting: NonNullable<ReturnType<LanSittings['get']>> } | { kind: 'closed' } | { kind: 'refused'; response: Response } {
    const check = deps.sittings.check(sid, bearer(request));
    const sitting = deps.sittings.get(sid);
    if (check === 'live' && sitting) return { kind: 'live', sitting };
    if (check === 'closed') return { kind: 'closed' };
    if (!sitting) return { kind: 'refused', response: lanError(404, 'SITTING_NOT_FOUND', 'No such sitting on this kiosk') };
    return { kind: 'refused', response: lanError(401, 'UNAUTHORIZED', 'This sitting needs its secret') };
  }

  async function up(request: Request, sid: string): Promise<Response> {
    const auth = authorised(request, sid);
    if (auth.kind === 'refused') return auth.response;
    if (auth.kind === 'closed') return lanError(410, 'SITTING_CLOSED', 'This sitting is over');
    const declared = Number(request.headers.get('content-length') ?? 0);
    if (Number.isFinite(declared) && declared > LAN_LIMITS.maxUpBytes) return lanError(413, 'TOO_LARGE', `A body may hold at most ${LAN_LIMITS.maxUpBytes} bytes`);
    const bytes = request.body ? await readCappedBytes(request.body.getReader() as ByteReader, LAN_LIMITS.maxUpBytes).catch(() => undefined) : new Uint8Array();
    if (bytes === null) return lanError(413, 'TOO_LARGE', `A body may hold at most ${LAN_LIMITS.maxUpBytes} bytes`);
    if (bytes === undefined) return lanError(400, 'BAD_REQUEST', 'The body was cut short');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return lanError(400, 'BAD_REQUEST', 'The body is not UTF-8');
    }
    if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return lanError(400, 'BAD_REQUEST', `The body nests more than ${MAX_JSON_DEPTH} levels deep`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return lanError(400, 'BAD_REQUEST', 'The body is not JSON');
    }
    const body = upBodySchema.safeParse(json);
    if (!body.success) return lanError(400, 'BAD_REQUEST', `The body must be {messages: [...]} with at most ${LAN_LIMITS.maxMessagesPerCall} messages`);
    deps.sittings.touch(auth.sitting);
    const outcome = await deps.relay.send({ kind: 'up', session_id: sid, messages: body.data.messages });
    if (outcome.kind !== 'answer') return relayFailure(outcome);
    if (outcome.status >= 200 && outcome.status < 300) return new Response(null, { status: 204, headers: lanHeaders(API_CSP) });
    return jsonAnswer(outcome.status, outcome.body);
  }

  async function down(request: Request, url: URL, sid: string): Promise<Response> {
    const auth = authorised(request, sid);
    if (auth.kind === 'refused') return auth.response;
    if (auth.kind === 'closed') return jsonAnswer(200, { messages: [], closed: true });
    const raw = url.searchParams.get('after') ?? '0';
    if (!/^\d{1,15}$/.test(raw)) return lanError(400, 'BAD_REQUEST', 'after must be a whole number');
    deps.sittings.touch(auth.sitting);
    const answer = await auth.sitting.mailbox.poll(Number(raw), deps.pollWaitMs, request.signal);
    if (!answer.closed) deps.sittings.touch(auth.sitting);
    return jsonAnswer(200, answer);
  }

  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const method = request.method;
    const dispatch = /^\/player\/dispatch\/([^/]+)$/.exec(path);
    if (dispatch) return method === 'GET' ? launch(url, dispatch[1] ?? '') : methodNotAllowed('GET');

    const lan = /^\/lan\/([^/]+)(\/.*)?$/.exec(path);
    const sid = lan?.[1] ?? '';
    const rest = lan?.[2] ?? '';
    if (!lan || !SID_PATTERN.test(sid)) return notFound();
    if (rest === '/play/' || rest === '/play') {
      if (method !== 'GET') return methodNotAllowed('GET');
      if (rest === '/play') return new Response(null, { status: 301, headers: { ...lanHeaders(API_CSP), Location: `/lan/${sid}/play/${url.search}` } });
      return play(url, sid);
    }
    if (rest === '/up') return method === 'POST' ? up(request, sid) : methodNotAllowed('POST');
    if (rest === '/down') return method === 'GET' ? down(request, url, sid) : methodNotAllowed('GET');
    if (/^\/(player|assets|content)\//.test(rest)) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
      const sitting = deps.sittings.get(sid);
      if (!sitting) return notFound();
      deps.sittings.touch(sitting);
      const inner = new Request(`${url.origin}${rest}${url.search}`, { method, headers: request.headers, signal: request.signal });
      return courseHost(inner, { packageId: sitting.pkg, learnerKey: sitting.uk });
    }
    return notFound();
  };
}
