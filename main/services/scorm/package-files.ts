import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { Readable } from 'node:stream';
import { lookup } from 'mime-types';
import { parseRange } from './byte-range';

/**
 * A URL path below a folder to a file path inside it, or null. Every segment is decoded and checked on its
 * own (no "..", ".", NUL, backslash or empty segment), and the real path of the result must still be under
 * the real folder, so neither an encoded "%2e%2e" nor a link on disk can lead outside.
 */
export async function resolveInside(root: string, urlPath: string): Promise<string | null> {
  let segments: string[];
  try {
    segments = urlPath.split('/').map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0') || s.includes('\\') || s.includes('/'))) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...segments));
    return real.startsWith(realRoot + sep) ? real : null;
  } catch {
    return null;
  }
}

export function contentType(file: string): string {
  const type = lookup(file) || 'application/octet-stream';
  return /^text\/|javascript|json|xml/.test(type) ? `${type}; charset=utf-8` : type;
}

/** Streams a file (never buffered whole) with its MIME type, honouring one HTTP Range for media seeking. */
export async function fileResponse(file: string, request: Request, headers: Record<string, string>): Promise<Response> {
  const info = await stat(file);
  if (!info.isFile()) return new Response('Not found', { status: 404, headers });
  const base = { ...headers, 'Content-Type': contentType(file), 'Accept-Ranges': 'bytes' };
  const range = parseRange(request.headers.get('range'), info.size);
  if (range.kind === 'unsatisfiable') return new Response(null, { status: 416, headers: { ...base, 'Content-Range': `bytes */${info.size}` } });
  const start = range.kind === 'partial' ? range.start : 0;
  const end = range.kind === 'partial' ? range.end : info.size - 1;
  const length = info.size === 0 ? 0 : end - start + 1;
  const body = request.method === 'HEAD' || length === 0 ? null : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>);
  const sized = { ...base, 'Content-Length': String(length) };
  if (range.kind === 'partial') return new Response(body, { status: 206, headers: { ...sized, 'Content-Range': `bytes ${start}-${end}/${info.size}` } });
  return new Response(body, { status: 200, headers: sized });
}
