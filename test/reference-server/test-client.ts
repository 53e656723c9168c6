import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from './server';
import type { ReferenceServer, ReferenceServerOptions } from './server';

export interface CallOptions {
  readonly token?: string;
  readonly apiKey?: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

export interface CallResult {
  readonly status: number;
  // Bodies are asserted field by field against the seeds in each test; typing them here would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly text: string;
  readonly headers: Headers;
}

/** One request with the plain fetch (undici) a Node client uses; a string body is sent as-is. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: parseOrText(text), text, headers: response.headers };
}

/** JSON bodies parsed; anything else (a proxy's plain-text 502) kept as text; no body is null. */
function parseOrText(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** How a failed fetch failed: error name, and the socket error code undici puts in `cause`. */
export async function fetchFailure(promise: Promise<unknown>): Promise<{ name: string; message: string; cause: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    const err = error as Error & { cause?: { code?: string } };
    return { name: err.name, message: err.message, cause: err.cause?.code };
  }
  throw new Error('Expected the request to fail, but it succeeded');
}

export interface TestServer {
  readonly server: ReferenceServer;
  readonly dataDir: string;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/** A reference server over a fresh temporary data directory. */
export async function startTestServer(options: Partial<ReferenceServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'outpost-reference-'));
  const server = await startReferenceServer({ ...options, dataDir });
  return {
    server,
    dataDir,
    call: (method, path, callOptions) => call(server.url, method, path, callOptions),
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
