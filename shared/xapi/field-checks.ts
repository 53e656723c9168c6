import { isIri } from './iri';
import { isIso8601Timestamp } from './iso8601-timestamp';
import { isLanguageTag } from './language-tag';
import { isUuid } from './uuid';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

/** Shared checks for statement fields. Each records what is wrong at `path` and returns whether the value passed. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function wrongType(value: unknown, expected: string, path: string, errors: XapiValidationErrors): false {
  errors.push({
    path,
    // Data 2.2.s4.b1.b1: null is rejected everywhere except inside extensions.
    message: value === null ? 'must not be null' : `must be ${expected}, got ${describe(value)}`,
  });
  return false;
}

export function checkObject(value: unknown, path: string, errors: XapiValidationErrors): value is JsonObject {
  return isJsonObject(value) || wrongType(value, 'an object', path, errors);
}

export function checkArray(value: unknown, path: string, errors: XapiValidationErrors): value is unknown[] {
  return Array.isArray(value) || wrongType(value, 'an array', path, errors);
}

/** Data 2.2.s4.b1.b7: keys the specification does not allow are rejected; b5: so are keys in the wrong case. */
export function checkKnownKeys(
  object: JsonObject,
  allowed: readonly string[],
  path: string,
  errors: XapiValidationErrors,
): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const sameButCase = allowed.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    errors.push({
      path: childPath(path, key),
      message: sameButCase ? `unknown property; keys are case-sensitive, expected "${sameButCase}"` : 'unknown property',
    });
  }
}

export function checkString(value: unknown, path: string, errors: XapiValidationErrors): value is string {
  return typeof value === 'string' || wrongType(value, 'a string', path, errors);
}

/** Data 2.2.s4.b1.b3: "true" is not a boolean. */
export function checkBoolean(value: unknown, path: string, errors: XapiValidationErrors): value is boolean {
  return typeof value === 'boolean' || wrongType(value, 'a boolean', path, errors);
}

/** Data 2.2.s4.b1.b2: "85" is not a number. JSON has no NaN or Infinity, so neither is accepted. */
export function checkNumber(value: unknown, path: string, errors: XapiValidationErrors): value is number {
  if (typeof value === 'number' && Number.isFinite(value)) return true;
  return wrongType(value, 'a finite number', path, errors);
}

/** Data 2.2.s4.b1.b4: a formatted string must follow its format; the empty string never does. */
function checkFormat(
  value: unknown,
  test: (text: string) => boolean,
  what: string,
  path: string,
  errors: XapiValidationErrors,
): boolean {
  if (!checkString(value, path, errors)) return false;
  if (test(value)) return true;
  errors.push({ path, message: `must be ${what}, got ${JSON.stringify(value)}` });
  return false;
}

export function checkIri(value: unknown, path: string, errors: XapiValidationErrors): boolean {
  return checkFormat(value, isIri, 'an absolute IRI (scheme ":" ...)', path, errors);
}

/** An IRL is an IRI meant to be resolvable; syntactically it is checked as an IRI. */
export function checkIrl(value: unknown, path: string, errors: XapiValidationErrors): boolean {
  return checkFormat(value, isIri, 'an absolute IRL (scheme ":" ...)', path, errors);
}

export function checkUuid(value: unknown, path: string, errors: XapiValidationErrors): boolean {
  return checkFormat(value, isUuid, 'an RFC 4122 UUID in standard string form', path, errors);
}

export function checkTimestamp(value: unknown, path: string, errors: XapiValidationErrors): boolean {
  return checkFormat(value, isIso8601Timestamp, 'an ISO 8601 date-time', path, errors);
}

export function checkLanguageTag(value: unknown, path: string, errors: XapiValidationErrors): boolean {
  return checkFormat(value, isLanguageTag, 'an RFC 5646 language tag', path, errors);
}

/**
 * Data 4.2: a language map's keys are RFC 5646 tags (Data 2.2.s3.b2) and its values strings. An empty map is
 * refused: Data 2.2.s2.b1 says objects SHOULD NOT be empty and the ADL conformance suite expects 400 for one.
 */
export function checkLanguageMap(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  const entries = Object.entries(value);
  if (entries.length === 0) errors.push({ path, message: 'language map must have at least one entry' });
  for (const [tag, text] of entries) {
    const entryPath = childPath(path, tag);
    if (!isLanguageTag(tag)) errors.push({ path: entryPath, message: 'key is not a well-formed RFC 5646 language tag' });
    checkString(text, entryPath, errors);
  }
}

/** Data 4.1.s3.b1: extension keys are IRIs; b2: values are anything, null included. */
export function checkExtensions(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  for (const key of Object.keys(value)) {
    if (!isIri(key)) errors.push({ path: childPath(path, key), message: 'extension key must be an absolute IRI' });
  }
}
