import { checkIri, checkKnownKeys, checkLanguageMap, checkObject } from './field-checks';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const VERB_KEYS: readonly string[] = ['id', 'display'];

/** Data 2.4.3: id IRI (required), display language map (recommended). */
export function validateVerb(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, VERB_KEYS, path, errors);
  if (value.id === undefined) errors.push({ path: childPath(path, 'id'), message: 'is required' });
  else checkIri(value.id, childPath(path, 'id'), errors);
  if (value.display !== undefined) checkLanguageMap(value.display, childPath(path, 'display'), errors);
}
