import type { CourseOrganization } from '../../../shared/scorm/course-manifest';
import { countScos, launchableItems } from '../../../shared/scorm/course-tree';
import { ScormImportError } from './import-error';
import type { ImportLimits } from './import-limits';
import { itemSequencing, readItem } from './manifest-items';
import type { ItemContext } from './manifest-items';
import { readResources } from './manifest-resources';
import { readCollections } from './manifest-sequencing';
import { manifestVersion } from './manifest-version';
import type { ManifestVersion } from './manifest-version';
import { attr, child, children, parseManifestXml, text } from './manifest-xml';

export interface ParsedManifest extends ManifestVersion {
  readonly identifier: string;
  readonly title: string;
  readonly courseVersion?: string;
  readonly defaultOrganization: string;
  readonly organizations: CourseOrganization[];
  readonly scoCount: number;
  /** Every package path a launchable item opens, to check against the extracted files. */
  readonly launchPaths: string[];
}

/**
 * imsmanifest.xml (SCORM 1.2, 2004 2nd–4th edition) to Outpost's course model. A manifest with no
 * organization but launchable resources (seen in the wild) gets one organization listing them, so the
 * course still plays; one with nothing to launch is refused.
 */
export function parseManifest(textContent: string, limits: ImportLimits): ParsedManifest {
  const root = parseManifestXml(textContent);
  const version = manifestVersion(root);
  const resources = readResources(root);
  const ctx: ItemContext = { resources, collections: readCollections(root), limits, identifiers: new Set(), count: 0 };
  const container = child(root, 'organizations');
  let organizations: CourseOrganization[] = (container ? children(container, 'organization') : []).map((org) => {
    const sequencing = itemSequencing(org, ctx);
    return {
      identifier: attr(org, 'identifier')?.trim() || 'organization',
      title: (text(child(org, 'title')) ?? '').slice(0, 500),
      items: children(org, 'item').map((item) => readItem(item, ctx, 1)),
      ...(sequencing === undefined ? {} : { sequencing }),
    };
  });
  if (organizations.length === 0) {
    const items = [...resources.values()]
      .filter((r) => r.path !== null && r.scormType === 'sco')
      .map((r) => ({ identifier: `item-${r.identifier}`, title: r.identifier, launch: `${r.path ?? ''}${r.suffix}`, scorm_type: 'sco' as const, visible: true, children: [] }));
    organizations = [{ identifier: 'resources', title: '', items }];
  }
  const declaredDefault = container ? attr(container, 'default')?.trim() : undefined;
  const played = organizations.find((org) => org.identifier === declaredDefault) ?? organizations[0];
  if (!played || launchableItems(played.items).length === 0) throw new ScormImportError('UNSUPPORTED_MANIFEST', 'The course has nothing to launch (no item with a resource)');
  const identifier = attr(root, 'identifier')?.trim() ?? '';
  const metadataTitle = text(child(child(child(child(root, 'metadata') ?? root, 'lom') ?? root, 'general') ?? root, 'title'));
  const courseVersion = attr(root, 'version')?.trim();
  return {
    ...version,
    identifier,
    title: (played.title || metadataTitle || identifier || 'Untitled course').slice(0, 500),
    ...(courseVersion ? { courseVersion: courseVersion.slice(0, 64) } : {}),
    defaultOrganization: played.identifier,
    organizations,
    scoCount: countScos(played.items),
    launchPaths: organizations.flatMap((org) => launchableItems(org.items).map((item) => (item.launch ?? '').split(/[?#]/, 1)[0] ?? '')),
  };
}
