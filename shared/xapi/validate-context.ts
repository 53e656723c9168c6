import {
  checkExtensions,
  checkKnownKeys,
  checkLanguageTag,
  checkObject,
  checkString,
  checkUuid,
} from './field-checks';
import { validateActivity } from './validate-activity';
import { validateAgentOrGroup, validateGroup } from './validate-agent';
import { validateStatementRef } from './validate-statement-ref';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const CONTEXT_KEYS: readonly string[] = [
  'registration',
  'instructor',
  'team',
  'contextActivities',
  'revision',
  'platform',
  'language',
  'statement',
  'extensions',
];
const CONTEXT_ACTIVITY_KEYS: readonly string[] = ['parent', 'grouping', 'category', 'other'];

/** Data 2.4.6.2.s4: keys parent/grouping/category/other; each value one Activity or an array of them. */
function checkContextActivities(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, CONTEXT_ACTIVITY_KEYS, path, errors);
  for (const key of CONTEXT_ACTIVITY_KEYS) {
    const activities = value[key];
    if (activities === undefined) continue;
    const listPath = childPath(path, key);
    // A single Activity is still allowed (0.95 compatibility); Data 2.4.6.2.s4.b5 says arrays SHOULD be sent.
    if (!Array.isArray(activities)) validateActivity(activities, listPath, errors);
    else activities.forEach((activity, index) => validateActivity(activity, childPath(listPath, index), errors));
  }
}

/**
 * Data 2.4.6 Context. `objectIsActivity` is whether the enclosing (Sub)Statement's object is an Activity, since
 * "revision" and "platform" MUST only be used then (Data 2.4.6.s4.b1, b2).
 */
export function validateContext(
  value: unknown,
  path: string,
  errors: XapiValidationErrors,
  objectIsActivity: boolean,
): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, CONTEXT_KEYS, path, errors);
  if (value.registration !== undefined) checkUuid(value.registration, childPath(path, 'registration'), errors);
  if (value.instructor !== undefined) validateAgentOrGroup(value.instructor, childPath(path, 'instructor'), errors);
  if (value.team !== undefined) validateGroup(value.team, childPath(path, 'team'), errors);
  if (value.contextActivities !== undefined) {
    checkContextActivities(value.contextActivities, childPath(path, 'contextActivities'), errors);
  }
  for (const key of ['revision', 'platform'] as const) {
    if (value[key] === undefined) continue;
    const keyPath = childPath(path, key);
    if (checkString(value[key], keyPath, errors) && !objectIsActivity) {
      errors.push({ path: keyPath, message: "may only be used when the statement's object is an Activity" });
    }
  }
  if (value.language !== undefined) checkLanguageTag(value.language, childPath(path, 'language'), errors);
  if (value.statement !== undefined) validateStatementRef(value.statement, childPath(path, 'statement'), errors);
  if (value.extensions !== undefined) checkExtensions(value.extensions, childPath(path, 'extensions'), errors);
}

