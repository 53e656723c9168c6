import type { JsonObject } from './field-checks';
import {
  checkArray,
  checkExtensions,
  checkIri,
  checkIrl,
  checkKnownKeys,
  checkLanguageMap,
  checkObject,
  checkString,
} from './field-checks';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const ACTIVITY_KEYS: readonly string[] = ['objectType', 'id', 'definition'];
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;
const DEFINITION_KEYS: readonly string[] = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  ...COMPONENT_LISTS,
];
const COMPONENT_KEYS: readonly string[] = ['id', 'description'];

/** Data 2.4.4.1.s15 table 2: which interaction component lists each interactionType supports. */
const LISTS_BY_INTERACTION: Readonly<Record<string, readonly string[]>> = {
  'true-false': [],
  choice: ['choices'],
  'fill-in': [],
  'long-fill-in': [],
  matching: ['source', 'target'],
  performance: ['steps'],
  sequencing: ['choices'],
  likert: ['scale'],
  numeric: [],
  other: [],
};

/** Data 2.4.4.1.s14-s16: components are {id, description?}, ids distinct within a list. */
function checkComponentList(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkArray(value, path, errors)) return;
  const seen = new Set<string>();
  value.forEach((component, index) => {
    const itemPath = childPath(path, index);
    if (!checkObject(component, itemPath, errors)) return;
    checkKnownKeys(component, COMPONENT_KEYS, itemPath, errors);
    const idPath = childPath(itemPath, 'id');
    if (component.id === undefined) errors.push({ path: idPath, message: 'is required' });
    else if (checkString(component.id, idPath, errors)) {
      if (seen.has(component.id)) errors.push({ path: idPath, message: `duplicate component id "${component.id}"` });
      seen.add(component.id);
    }
    if (component.description !== undefined) {
      checkLanguageMap(component.description, childPath(itemPath, 'description'), errors);
    }
  });
}

/** Interaction Activities (Data 2.4.4.1.s6-s16): a valid interactionType, and only the lists it supports. */
function checkInteraction(definition: JsonObject, path: string, errors: XapiValidationErrors): void {
  const usedLists = COMPONENT_LISTS.filter((list) => definition[list] !== undefined);
  const typePath = childPath(path, 'interactionType');
  const { interactionType, correctResponsesPattern } = definition;
  if (interactionType === undefined) {
    // Data 2.4.4.1.s13.b1: an Interaction Activity MUST have a valid interactionType.
    if (usedLists.length > 0 || correctResponsesPattern !== undefined) {
      errors.push({ path: typePath, message: 'is required when interaction properties are present' });
    }
  } else if (checkString(interactionType, typePath, errors)) {
    const known = Object.hasOwn(LISTS_BY_INTERACTION, interactionType);
    const supported = known ? LISTS_BY_INTERACTION[interactionType] : undefined;
    if (supported === undefined) {
      errors.push({ path: typePath, message: `must be one of ${Object.keys(LISTS_BY_INTERACTION).join(', ')}` });
    } else {
      for (const list of usedLists.filter((name) => !supported.includes(name))) {
        const message = `is not supported for interactionType "${interactionType}"`;
        errors.push({ path: childPath(path, list), message });
      }
    }
  }
  if (correctResponsesPattern !== undefined) {
    const patternPath = childPath(path, 'correctResponsesPattern');
    if (checkArray(correctResponsesPattern, patternPath, errors)) {
      correctResponsesPattern.forEach((pattern, index) => checkString(pattern, childPath(patternPath, index), errors));
    }
  }
  for (const list of usedLists) checkComponentList(definition[list], childPath(path, list), errors);
}

/** Data 2.4.4.1 Activity Definition. */
function checkDefinition(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, DEFINITION_KEYS, path, errors);
  if (value.name !== undefined) checkLanguageMap(value.name, childPath(path, 'name'), errors);
  if (value.description !== undefined) checkLanguageMap(value.description, childPath(path, 'description'), errors);
  if (value.type !== undefined) checkIri(value.type, childPath(path, 'type'), errors);
  if (value.moreInfo !== undefined) checkIrl(value.moreInfo, childPath(path, 'moreInfo'), errors);
  if (value.extensions !== undefined) checkExtensions(value.extensions, childPath(path, 'extensions'), errors);
  checkInteraction(value, path, errors);
}

/** Data 2.4.4.1: objectType "Activity" (optional), id IRI (required), definition (optional). */
export function validateActivity(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, ACTIVITY_KEYS, path, errors);
  const typePath = childPath(path, 'objectType');
  const { objectType } = value;
  if (objectType !== undefined && checkString(objectType, typePath, errors) && objectType !== 'Activity') {
    errors.push({ path: typePath, message: `must be "Activity" when present, got ${JSON.stringify(objectType)}` });
  }
  if (value.id === undefined) errors.push({ path: childPath(path, 'id'), message: 'is required' });
  else checkIri(value.id, childPath(path, 'id'), errors);
  if (value.definition !== undefined) checkDefinition(value.definition, childPath(path, 'definition'), errors);
}
