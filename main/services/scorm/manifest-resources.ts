import type { Element } from '@xmldom/xmldom';
import { ScormImportError } from './import-error';
import { attr, children, child, xmlBase } from './manifest-xml';

export interface ManifestResource {
  readonly identifier: string;
  /** Package-relative path (xml:base applied, no query), or null for a resource without a launch file. */
  readonly path: string | null;
  /** Query and fragment of the href as written. */
  readonly suffix: string;
  readonly scormType: 'sco' | 'asset' | null;
}

// Resolved under a folder of its own so a ".." that climbs out of the package shows as leaving it.
const PACKAGE = 'http://package.invalid/root/';

/**
 * Resolves an href against the xml:base chain the way a browser would, then insists the result is still
 * inside the package: a course that launches from the network or from outside its folder is refused.
 */
export function resolveHref(bases: readonly string[], href: string): { path: string; suffix: string } {
  let url: URL;
  try {
    url = new URL(PACKAGE);
    for (const base of bases) if (base !== '') url = new URL(base.replace(/\\/g, '/'), url);
    url = new URL(href.replace(/\\/g, '/'), url);
  } catch {
    throw new ScormImportError('MALFORMED_MANIFEST', `Resource href "${href.slice(0, 200)}" is not a valid URL`);
  }
  if (url.origin !== new URL(PACKAGE).origin || !url.pathname.startsWith('/root/')) throw new ScormImportError('UNSUPPORTED_MANIFEST', `Resource "${href.slice(0, 200)}" launches from outside the package, which cannot work offline`);
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice('/root/'.length));
  } catch {
    throw new ScormImportError('MALFORMED_MANIFEST', `Resource href "${href.slice(0, 200)}" has a broken percent-escape`);
  }
  return { path, suffix: `${url.search}${url.hash}` };
}

function scormType(resource: Element): 'sco' | 'asset' | null {
  const value = attr(resource, 'scormtype')?.trim().toLowerCase();
  return value === 'sco' || value === 'asset' ? value : null;
}

export function readResources(root: Element): Map<string, ManifestResource> {
  const container = child(root, 'resources');
  const out = new Map<string, ManifestResource>();
  if (!container) return out;
  const outer = [xmlBase(root), xmlBase(container)];
  for (const resource of children(container, 'resource')) {
    const identifier = attr(resource, 'identifier')?.trim();
    if (!identifier) throw new ScormImportError('MALFORMED_MANIFEST', 'A <resource> has no identifier');
    if (out.has(identifier)) throw new ScormImportError('MALFORMED_MANIFEST', `Resource identifier "${identifier}" is used twice`);
    const href = attr(resource, 'href');
    const resolved = href && href.trim() !== '' ? resolveHref([...outer, xmlBase(resource)], href.trim()) : null;
    out.set(identifier, { identifier, path: resolved?.path ?? null, suffix: resolved?.suffix ?? '', scormType: scormType(resource) });
  }
  return out;
}

/**
 * item@parameters joins the resource's href as SCORM's content packaging says: a leading "?" or "&" is
 * dropped and the right separator used; a "#fragment" parameter is appended as is.
 */
export function applyParameters(resource: ManifestResource, parameters: string | undefined): string {
  const base = `${resource.path ?? ''}${resource.suffix}`;
  const params = parameters?.trim() ?? '';
  if (params === '') return base;
  if (params.startsWith('#')) return base.includes('#') ? base : `${base}${params}`;
  const cleaned = params.replace(/^[?&]+/, '');
  const [beforeHash, hash] = base.split('#', 2) as [string, string | undefined];
  const joined = `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${cleaned}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
