import { formatIssues } from '../../../shared/ipc/format-issues';
import { PARAM_PATTERNS, REMOTE_OPERATIONS } from './remote-operations';
import type { ParamKind, RemoteOperation, RemoteOperationName } from './remote-operations';

export type OperationMatch = { readonly ok: true; readonly operation: RemoteOperationName; readonly path: string } | { readonly ok: false; readonly reason: string };

// No "%" (nothing is decoded, so nothing can hide), no "." (no dot segments), no ":" or "@".
const PATH_CHARS = /^(?:\/[A-Za-z0-9_-]+)+$/;

function refuse(reason: string): OperationMatch {
  return { ok: false, reason };
}

function matchSegments(op: RemoteOperation, segments: readonly string[]): Record<string, string> | null {
  const template = op.path.split('/').slice(1);
  if (template.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const value = segments[i] ?? '';
    if (!part.startsWith(':')) {
      if (part !== value) return null;
      continue;
    }
    const kind: ParamKind | undefined = op.params?.[part.slice(1)];
    if (kind === undefined || !PARAM_PATTERNS[kind].test(value)) return null;
    params[part.slice(1)] = value;
  }
  return params;
}

/** Exactly the declared query parameters, once each, matching their patterns as sent. */
function matchQuery(op: RemoteOperation, search: string | null): Record<string, string> | null {
  const declared = op.query ?? {};
  if (search === null) return Object.keys(declared).length === 0 ? {} : null;
  const found: Record<string, string> = {};
  for (const pair of search.split('&')) {
    const [key = '', value = '', ...rest] = pair.split('=');
    const kind: ParamKind | undefined = Object.hasOwn(declared, key) ? declared[key] : undefined;
    if (rest.length > 0 || kind === undefined || Object.hasOwn(found, key) || !PARAM_PATTERNS[kind].test(value)) return null;
    found[key] = value;
  }
  return Object.keys(found).length === Object.keys(declared).length ? found : null;
}

function build(op: RemoteOperation, params: Record<string, string>, query: Record<string, string>): string {
  const path = op.path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

/**
 * Finds the named operation a request stands for, or says why there is none. The path is matched as
 * sent, with no decoding, against each template; the path main sends is rebuilt from the template and
 * the checked parameters, and the body must pass the operation's schema.
 */
export function matchRemoteOperation(method: string, rawPath: string, body: unknown): OperationMatch {
  const q = rawPath.indexOf('?');
  const pathname = q === -1 ? rawPath : rawPath.slice(0, q);
  const search = q === -1 ? null : rawPath.slice(q + 1);
  if (!PATH_CHARS.test(pathname)) return refuse(`${method} ${pathname.slice(0, 120)}: a path may hold only letters, digits, "-", "_" and "/" between non-empty segments`);
  const segments = pathname.split('/').slice(1);
  for (const [name, op] of Object.entries(REMOTE_OPERATIONS) as Array<[RemoteOperationName, RemoteOperation]>) {
    if (op.method !== method) continue;
    const params = matchSegments(op, segments);
    if (params === null) continue;
    const query = matchQuery(op, search);
    if (query === null) return refuse(`${name}: unexpected query parameters`);
    if (op.body === null) {
      if (body !== undefined && body !== null) return refuse(`${name}: takes no body`);
    } else {
      const parsed = op.body.safeParse(body);
      if (!parsed.success) return refuse(`${name}: ${formatIssues(parsed.error.issues)}`);
    }
    return { ok: true, operation: name, path: build(op, params, query) };
  }
  return refuse(`${method} ${pathname.slice(0, 120)} is not an operation Outpost sends to the API`);
}
