import type { JsonObject } from './field-checks';
import { checkArray, checkIri, checkIrl, checkKnownKeys, checkObject, checkString, isJsonObject } from './field-checks';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

/** Data 2.4.2.3: the four inverse functional identifiers (IFIs) of an Agent or Identified Group. */
const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS: readonly string[] = ['objectType', 'name', ...IFI_KEYS];
const GROUP_KEYS: readonly string[] = ['objectType', 'name', 'member', ...IFI_KEYS];
const ACCOUNT_KEYS: readonly string[] = ['homePage', 'name'];

// "mailto:" and a single address: no second recipient, no ?headers (Data 2.4.2.3: format is "mailto:email address").
const MAILTO = /^mailto:[^\s@,?]+@[^\s@,?]+$/;
const SHA1_HEX = /^[0-9a-f]{40}$/i;
const ASCII_ONLY = /^[\x21-\x7e]+$/;

/** Validates each IFI that is present and returns how many there are. */
function checkIdentifiers(object: JsonObject, path: string, errors: XapiValidationErrors): string[] {
  const present = IFI_KEYS.filter((key) => object[key] !== undefined);
  const { mbox, mbox_sha1sum: sha1, openid, account } = object;
  if (mbox !== undefined && checkString(mbox, childPath(path, 'mbox'), errors) && !MAILTO.test(mbox)) {
    errors.push({ path: childPath(path, 'mbox'), message: 'must be a "mailto:" IRI with one email address' });
  }
  if (sha1 !== undefined && checkString(sha1, childPath(path, 'mbox_sha1sum'), errors) && !SHA1_HEX.test(sha1)) {
    errors.push({ path: childPath(path, 'mbox_sha1sum'), message: 'must be a hex-encoded SHA-1 hash (40 hex digits)' });
  }
  // openid is typed URI, not IRI: same syntax, ASCII only.
  if (openid !== undefined && checkIri(openid, childPath(path, 'openid'), errors) && !ASCII_ONLY.test(String(openid))) {
    errors.push({ path: childPath(path, 'openid'), message: 'must be a URI (ASCII only)' });
  }
  if (account !== undefined) checkAccount(account, childPath(path, 'account'), errors);
  return present;
}

/** Data 2.4.2.4: homePage (IRL) and name, both required. */
function checkAccount(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, ACCOUNT_KEYS, path, errors);
  if (value.homePage === undefined) errors.push({ path: childPath(path, 'homePage'), message: 'is required' });
  else checkIrl(value.homePage, childPath(path, 'homePage'), errors);
  if (value.name === undefined) errors.push({ path: childPath(path, 'name'), message: 'is required' });
  // Stricter than the spec, which only says "String": an empty account name identifies nobody.
  else if (checkString(value.name, childPath(path, 'name'), errors) && value.name === '') {
    errors.push({ path: childPath(path, 'name'), message: 'must not be empty' });
  }
}

function exactlyOne(present: string[], who: string, path: string, errors: XapiValidationErrors): void {
  if (present.length > 1) {
    errors.push({
      path,
      message: `${who} must have exactly one inverse functional identifier, found ${present.length} (${present.join(', ')})`,
    });
  }
}

/** Data 2.4.2.1. `objectTypeRequired` is set where an Agent is a Statement's object (Data 2.4.4.2.s1.b1). */
export function validateAgent(
  value: unknown,
  path: string,
  errors: XapiValidationErrors,
  objectTypeRequired = false,
): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, AGENT_KEYS, path, errors);
  const typePath = childPath(path, 'objectType');
  if (value.objectType === undefined) {
    if (objectTypeRequired) errors.push({ path: typePath, message: 'is required when an Agent is the object' });
  } else if (checkString(value.objectType, typePath, errors) && value.objectType !== 'Agent') {
    errors.push({ path: typePath, message: `must be "Agent", got ${JSON.stringify(value.objectType)}` });
  }
  if (value.name !== undefined) checkString(value.name, childPath(path, 'name'), errors);
  const present = checkIdentifiers(value, path, errors);
  if (present.length === 0) {
    errors.push({ path, message: 'Agent must be identified by one of mbox, mbox_sha1sum, openid or account' });
  }
  exactlyOne(present, 'Agent', path, errors); // Data 2.4.2.1.s2.b2
}

/** Data 2.4.2.2: objectType "Group"; Identified (exactly one IFI) or Anonymous (no IFI, "member" required). */
export function validateGroup(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, GROUP_KEYS, path, errors);
  const typePath = childPath(path, 'objectType');
  if (value.objectType === undefined) errors.push({ path: typePath, message: 'is required for a Group' });
  else if (checkString(value.objectType, typePath, errors) && value.objectType !== 'Group') {
    errors.push({ path: typePath, message: `must be "Group", got ${JSON.stringify(value.objectType)}` });
  }
  if (value.name !== undefined) checkString(value.name, childPath(path, 'name'), errors);
  const present = checkIdentifiers(value, path, errors);
  exactlyOne(present, 'Group', path, errors); // Data 2.4.2.2.s5.b1
  const memberPath = childPath(path, 'member');
  if (value.member === undefined) {
    if (present.length === 0) errors.push({ path: memberPath, message: 'is required for an Anonymous Group' });
    return;
  }
  if (!checkArray(value.member, memberPath, errors)) return;
  value.member.forEach((member, index) => {
    const itemPath = childPath(memberPath, index);
    // Data 2.4.2.2.s4.b2 / s5.b2: no Groups inside a Group.
    if (isJsonObject(member) && member.objectType === 'Group') {
      errors.push({ path: childPath(itemPath, 'objectType'), message: 'a Group must not contain Groups' });
      return;
    }
    validateAgent(member, itemPath, errors);
  });
}

/** An Actor, Authority, instructor or Agent/Group object: a Group when objectType says so, else an Agent. */
export function validateAgentOrGroup(
  value: unknown,
  path: string,
  errors: XapiValidationErrors,
  objectTypeRequired = false,
): void {
  if (!checkObject(value, path, errors)) return;
  // An object with "member" but no objectType is meant as a Group; validating it as an Agent would only report
  // "member" as unknown, while validateGroup reports the missing objectType.
  const group = value.objectType === 'Group' || (value.objectType === undefined && value.member !== undefined);
  if (group) validateGroup(value, path, errors);
  else validateAgent(value, path, errors, objectTypeRequired);
}
