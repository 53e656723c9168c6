import type { Element } from '@xmldom/xmldom';
import { HIDE_LMS_UI, MAX_SHARED_DATA_MAPS, MAX_SHARED_DATA_TARGET } from '../../../shared/scorm/course-manifest';
import type { CourseItem, HideLmsUi, ItemSequencing, SharedDataMap } from '../../../shared/scorm/course-manifest';
import { ScormImportError } from './import-error';
import type { ImportLimits } from './import-limits';
import { applyParameters } from './manifest-resources';
import type { ManifestResource } from './manifest-resources';
import { mergeSequencing, readSequencing } from './manifest-sequencing';
import { attr, child, children, text } from './manifest-xml';

const MAX_TITLE = 500;
const MAX_LAUNCH_DATA = 64 * 1024;

export interface ItemContext {
  readonly resources: ReadonlyMap<string, ManifestResource>;
  readonly collections: ReadonlyMap<string, ItemSequencing>;
  readonly limits: ImportLimits;
  readonly identifiers: Set<string>;
  count: number;
}

function bounded(value: string | undefined, max: number, what: string): string | undefined {
  if (value !== undefined && value.length > max) throw new ScormImportError('MALFORMED_MANIFEST', `${what} is longer than ${max} characters`);
  return value;
}

function completionThreshold(item: Element): number | undefined {
  const element = child(item, 'completionThreshold');
  if (!element) return undefined;
  // 3rd edition writes the threshold as text; 4th edition as minProgressMeasure (with completedByMeasure).
  const raw = attr(element, 'minProgressMeasure') ?? text(element);
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

function masteryScore(item: Element): number | undefined {
  const raw = text(child(item, 'masteryscore'));
  const value = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;
}

/** adlnav:presentation/adlnav:navigationInterface/adlnav:hideLMSUI values, known ones only, each once. */
function hiddenLmsUi(item: Element): HideLmsUi[] {
  const presentation = child(item, 'presentation');
  const nav = presentation ? child(presentation, 'navigationInterface') : undefined;
  if (!nav) return [];
  const known = new Set<string>(HIDE_LMS_UI);
  const out = new Set<HideLmsUi>();
  for (const element of children(nav, 'hideLMSUI')) {
    const value = text(element);
    if (value !== undefined && known.has(value)) out.add(value as HideLmsUi);
  }
  return [...out];
}

/**
 * adlcp:data/adlcp:map (4th edition shared data): the stores the item reads (readSharedData, default
 * true) or writes (writeSharedData, default false). A map without a usable targetID, or a second map of
 * the same target, is left out; more than MAX_SHARED_DATA_MAPS is a malformed manifest.
 */
function sharedData(item: Element, identifier: string): SharedDataMap[] {
  const data = child(item, 'data');
  if (!data) return [];
  const maps = children(data, 'map');
  if (maps.length > MAX_SHARED_DATA_MAPS) throw new ScormImportError('MALFORMED_MANIFEST', `Item "${identifier}" maps more than ${MAX_SHARED_DATA_MAPS} shared data stores`);
  const out = new Map<string, SharedDataMap>();
  for (const map of maps) {
    const target = attr(map, 'targetID')?.trim();
    if (!target || target.length > MAX_SHARED_DATA_TARGET || out.has(target)) continue;
    out.set(target, { target_id: target, read: attr(map, 'readSharedData')?.trim() !== 'false', write: attr(map, 'writeSharedData')?.trim() === 'true' });
  }
  return [...out.values()];
}

/** An item's (or an organization's) imsss:sequencing, merged over the collection it names with IDRef. */
export function itemSequencing(item: Element, ctx: Pick<ItemContext, 'collections'>): ItemSequencing | undefined {
  const element = children(item, 'sequencing')[0];
  if (!element) return undefined;
  const ref = attr(element, 'IDRef');
  return mergeSequencing(ref ? ctx.collections.get(ref) : undefined, readSequencing(element));
}

/** One <item> and its children, depth-first, bounded in count and depth. */
export function readItem(item: Element, ctx: ItemContext, depth: number): CourseItem {
  ctx.count += 1;
  if (ctx.count > ctx.limits.maxItems) throw new ScormImportError('MALFORMED_MANIFEST', `More than ${ctx.limits.maxItems} items`);
  if (depth > ctx.limits.maxDepth) throw new ScormImportError('MALFORMED_MANIFEST', `Items nest deeper than ${ctx.limits.maxDepth} levels`);
  const identifier = attr(item, 'identifier')?.trim();
  if (!identifier) throw new ScormImportError('MALFORMED_MANIFEST', 'An <item> has no identifier');
  if (ctx.identifiers.has(identifier)) throw new ScormImportError('MALFORMED_MANIFEST', `Item identifier "${identifier}" is used twice`);
  ctx.identifiers.add(identifier);
  const ref = attr(item, 'identifierref')?.trim();
  const resource = ref ? ctx.resources.get(ref) : undefined;
  if (ref && !resource) throw new ScormImportError('MALFORMED_MANIFEST', `Item "${identifier}" refers to a missing resource "${ref}"`);
  const launch = resource && resource.path ? applyParameters(resource, attr(item, 'parameters')) : null;
  const maxTime = text(child(item, 'maxtimeallowed'));
  const sequencing = itemSequencing(item, ctx);
  const limitTime = children(item, 'sequencing')[0];
  const attemptDuration = limitTime ? child(limitTime, 'limitConditions') : undefined;
  const duration = attemptDuration ? attr(attemptDuration, 'attemptAbsoluteDurationLimit') : undefined;
  const launchData = bounded(text(child(item, 'datafromlms')), MAX_LAUNCH_DATA, `Launch data of "${identifier}"`);
  const timeLimitAction = text(child(item, 'timelimitaction'));
  const mastery = masteryScore(item);
  const threshold = completionThreshold(item);
  const hidden = hiddenLmsUi(item);
  const shared = sharedData(item, identifier);
  return {
    identifier,
    title: (text(child(item, 'title')) ?? identifier).slice(0, MAX_TITLE),
    launch,
    scorm_type: resource ? (resource.scormType ?? 'asset') : null,
    visible: attr(item, 'isvisible')?.trim() !== 'false',
    ...(launchData === undefined ? {} : { launch_data: launchData }),
    ...(mastery === undefined ? {} : { mastery_score: mastery }),
    ...(threshold === undefined ? {} : { completion_threshold: threshold }),
    ...((maxTime ?? duration) === undefined ? {} : { max_time_allowed: (maxTime ?? duration) as string }),
    ...(timeLimitAction === undefined ? {} : { time_limit_action: timeLimitAction }),
    ...(sequencing === undefined ? {} : { sequencing }),
    ...(hidden.length ? { hide_lms_ui: hidden } : {}),
    ...(shared.length ? { shared_data: shared } : {}),
    children: children(item, 'item').map((nested) => readItem(nested, ctx, depth + 1)),
  };
}
