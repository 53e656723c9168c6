import { collisionKey } from './entry-name-policy';
import { ScormImportError } from './import-error';
import type { PlannedEntry } from './zip-entries';

const MANIFEST = 'imsmanifest.xml';

/**
 * The folder the course lives in: the zip's root when imsmanifest.xml is there, else the single top-level
 * folder holding it (zipping a folder, rather than its contents, is the usual mistake). Returned with a
 * trailing slash, '' for the root.
 */
export function manifestPrefix(entries: readonly PlannedEntry[]): string {
  const files = entries.filter((e) => !e.directory);
  if (files.some((e) => collisionKey(e.path) === MANIFEST)) return '';
  const tops = new Set(entries.map((e) => e.path.split('/', 1)[0] ?? ''));
  const [top] = tops;
  if (tops.size === 1 && top !== undefined && files.some((e) => collisionKey(e.path) === collisionKey(`${top}/${MANIFEST}`))) return `${top}/`;
  throw new ScormImportError('NO_MANIFEST', 'No imsmanifest.xml at the root of the zip or in its only top-level folder');
}

/** The manifest's real spelling in the zip (case may differ). */
export function manifestPath(entries: readonly PlannedEntry[], prefix: string): string {
  const found = entries.find((e) => !e.directory && collisionKey(e.path) === collisionKey(`${prefix}${MANIFEST}`));
  if (!found) throw new ScormImportError('NO_MANIFEST', 'No imsmanifest.xml');
  return found.path;
}
