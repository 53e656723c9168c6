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

function build(op: RemoteOperation, params: Record<string, string>): string {
  return op.path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''));
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
    // No operation Outpost sends takes a query: one would be a way to smuggle parameters past the schemas.
    if (search !== null) return refuse(`${name}: takes no query parameters`);
    if (op.body === null) {
      if (body !== undefined && body !== null) return refuse(`${name}: takes no body`);
    } else {
      const parsed = op.body.safeParse(body);
      if (!parsed.success) return refuse(`${name}: ${formatIssues(parsed.error.issues)}`);
    }
    return { ok: true, operation: name, path: build(op, params) };
  }
  return refuse(`${method} ${pathname.slice(0, 120)} is not an operation Outpost sends to the API`);
}
