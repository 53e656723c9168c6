import { request } from 'node:http';
import type { RequestOptions } from 'node:http';
import type { Duplex } from 'node:stream';

// The reference client of docs/api/headset-api.md, as a VR app on the headset runs it: the same paths,
// header and retry rules the C# and Kotlin listings there spell out. The emulated experience uses it,
// so the tests play exactly the documented requests.

export interface ClientAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly attempts: number;
}

export interface ExperienceClientOptions {
  readonly sessionId: string;
  readonly token: string;
  readonly port: number;
  /** How the app opens localhost:port (on the emulated headset: through its reverse table). */
  readonly connect: (port: number) => Promise<Duplex>;
  /** Waits between tries; tests pass a short one (the documented base is 1 s). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
}

const RETRIED = new Set([429, 503, 504]);

export function sendOnce(options: Pick<ExperienceClientOptions, 'connect' | 'port'>, method: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: unknown; retryAfter: number | null }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        method,
        path,
        host: '127.0.0.1',
        port: options.port,
        // No agent: an agent would open its own TCP connection and bypass the headset's tunnel.
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        createConnection: (_opts: unknown, done: (error: Error | null, socket?: Duplex) => void) => {
          options.connect(options.port).then((socket) => done(null, socket), (error: Error) => done(error));
          return undefined;
        },
      } as unknown as RequestOptions,
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // kept as text: a proxy or a crash page
          }
          const retryAfter = Number(res.headers['retry-after']);
          resolve({ status: res.statusCode ?? 0, body: parsed, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POST one report with the documented retry rules: a network failure, 429, 503 and 504 are retried after
 * Retry-After (capped at 30 s) or an exponential backoff with full jitter; anything else is final. A
 * completion answered 400 ALREADY_COMPLETED after a retry means an earlier try landed.
 */
export async function report(options: ExperienceClientOptions, action: 'progress' | 'complete' | 'events', payload: unknown): Promise<ClientAnswer> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 6;
  const base = options.baseDelayMs ?? 1000;
  const headers = { Authorization: `Outpost-Headset ${options.token}`, 'Content-Type': 'application/json' };
  const path = `/headset/v1/sessions/${options.sessionId}/${action}`;
  for (let attempt = 1; ; attempt++) {
    let answer: { status: number; body: unknown; retryAfter: number | null } | null = null;
    let failure = '';
    try {
      answer = await sendOnce(options, 'POST', path, headers, JSON.stringify(payload));
    } catch (error) {
      failure = (error as Error).message;
    }
    if (answer && !RETRIED.has(answer.status)) return { status: answer.status, body: answer.body, attempts: attempt };
    if (attempt >= maxAttempts) return { status: answer?.status ?? 0, body: answer?.body ?? failure, attempts: attempt };
    const backoff = Math.random() * base * 2 ** (attempt - 1);
    await sleep(answer?.retryAfter !== null && answer?.retryAfter !== undefined ? Math.min(answer.retryAfter * 1000, 30_000) : Math.min(backoff, 30_000));
  }
}
