import type { Element } from '@xmldom/xmldom';
import type { Scorm2004Edition, ScormVersion } from '../../../shared/schemas/scorm-package';
import { child, NS, text } from './manifest-xml';

export interface ManifestVersion {
  readonly version: ScormVersion;
  readonly edition?: Scorm2004Edition;
}

function usesNamespace(root: Element, namespace: string): boolean {
  for (let i = 0; i < root.attributes.length; i += 1) if (root.attributes.item(i)?.value === namespace) return true;
  return false;
}

/**
 * metadata/schemaversion says which SCORM a manifest is ("1.2", "CAM 1.3" = 2004 2nd edition,
 * "2004 3rd Edition", "2004 4th Edition"). Many real manifests omit it, so the adlcp namespace decides then.
 */
export function manifestVersion(root: Element): ManifestVersion {
  const declared = text(child(child(root, 'metadata') ?? root, 'schemaversion'))?.toLowerCase() ?? '';
  if (declared === '1.2') return { version: '1.2' };
  if (declared.includes('4th')) return { version: '2004', edition: '4th' };
  if (declared.includes('3rd')) return { version: '2004', edition: '3rd' };
  if (declared.includes('cam 1.3') || declared.includes('2nd') || declared === '2004') return { version: '2004', edition: '2nd' };
  if (usesNamespace(root, NS.adlcp2004) || usesNamespace(root, NS.imsss)) return { version: '2004', edition: '3rd' };
  return { version: '1.2' };
}
