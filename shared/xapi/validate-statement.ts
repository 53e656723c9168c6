import type { JsonObject } from './field-checks';
import { checkKnownKeys, checkObject, checkString, checkTimestamp, checkUuid, isJsonObject } from './field-checks';
import { iso8601TimestampToEpochMs } from './iso8601-timestamp';
import { validateActivity } from './validate-activity';
import { validateAgentOrGroup } from './validate-agent';
import { validateAttachments } from './validate-attachment';
import { validateContext } from './validate-context';
import { validateResult } from './validate-result';
import { validateStatementRef } from './validate-statement-ref';
import { validateVerb } from './validate-verb';
import type { XapiValidationError, XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

export type StatementValidation = { valid: true } | { valid: false; errors: XapiValidationError[] };

export interface StatementValidationOptions {
  /** When given, a timestamp later than this is refused (Data 2.4.7.s3.b4); time is a parameter, never read here. */
  readonly now?: Date;
}

const STATEMENT_KEYS: readonly string[] = [
  'id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments',
];
/** Data 2.4.4.3.s8.b3: a SubStatement MUST NOT have these. */
const NOT_IN_SUB_STATEMENT: readonly string[] = ['id', 'stored', 'version', 'authority'];
const SUB_STATEMENT_KEYS: readonly string[] = [
  'objectType', ...STATEMENT_KEYS.filter((key) => !NOT_IN_SUB_STATEMENT.includes(key)),
];
/** Data 2.4.10: semantic version 1.0.x (an LRS MUST accept every "1.0." version and reject any other). */
const VERSION = /^1\.0\.(?:0|[1-9][0-9]*)$/;
const IFI_KEYS: readonly string[] = ['mbox', 'mbox_sha1sum', 'openid', 'account', 'member'];

/** Data 2.4.4: dispatch on objectType, which defaults to "Activity". */
function validateObject(value: unknown, path: string, errors: XapiValidationErrors, inSubStatement: boolean): void {
  if (!checkObject(value, path, errors)) return;
  const typePath = childPath(path, 'objectType');
  switch (value.objectType) {
    case undefined:
      // Data 2.4.4.2.s1.b1: an Agent or Group object must say so; read as an Activity it would only get "unknown".
      if (value.id === undefined && IFI_KEYS.some((key) => value[key] !== undefined)) {
        errors.push({ path: typePath, message: 'is required when the object is an Agent or Group' });
        return;
      }
      return validateActivity(value, path, errors);
    case 'Activity':
      return validateActivity(value, path, errors);
    case 'Agent':
    case 'Group':
      return validateAgentOrGroup(value, path, errors, true);
    case 'StatementRef':
      return validateStatementRef(value, path, errors);
    case 'SubStatement':
      // Data 2.4.4.3.s8.b4: SubStatements do not nest.
      if (inSubStatement) errors.push({ path: typePath, message: 'a SubStatement must not contain a SubStatement' });
      else validateStatementBody(value, path, errors, true, undefined);
      return;
    default:
      if (checkString(value.objectType, typePath, errors)) {
        errors.push({
          path: typePath,
          message: `must be one of Activity, Agent, Group, StatementRef, SubStatement; got ${JSON.stringify(value.objectType)}`,
        });
      }
  }
}

function isActivityObject(object: unknown): boolean {
  return isJsonObject(object) && (object.objectType === undefined || object.objectType === 'Activity');
}

/** What a Statement and a SubStatement share (Data 2.4.4.3.s8.b2: a SubStatement is validated as a Statement). */
function validateStatementBody(
  statement: JsonObject,
  path: string,
  errors: XapiValidationErrors,
  isSubStatement: boolean,
  now: Date | undefined,
): void {
  // In a SubStatement the forbidden keys get their own message rather than "unknown property".
  const known = isSubStatement ? [...SUB_STATEMENT_KEYS, ...NOT_IN_SUB_STATEMENT] : STATEMENT_KEYS;
  checkKnownKeys(statement, known, path, errors);
  if (isSubStatement) {
    for (const key of NOT_IN_SUB_STATEMENT.filter((forbidden) => statement[forbidden] !== undefined)) {
      errors.push({ path: childPath(path, key), message: 'is not allowed in a SubStatement' });
    }
  }
  // Data 2.2.s2.b3: actor, verb and object are required.
  for (const key of ['actor', 'verb', 'object']) {
    if (statement[key] === undefined) errors.push({ path: childPath(path, key), message: 'is required' });
  }
  const { id, actor, verb, object, result, context, timestamp, stored, authority, version, attachments } = statement;
  if (id !== undefined && !isSubStatement) checkUuid(id, childPath(path, 'id'), errors);
  if (actor !== undefined) validateAgentOrGroup(actor, childPath(path, 'actor'), errors);
  if (verb !== undefined) validateVerb(verb, childPath(path, 'verb'), errors);
  if (object !== undefined) validateObject(object, childPath(path, 'object'), errors, isSubStatement);
  if (result !== undefined) validateResult(result, childPath(path, 'result'), errors);
  if (context !== undefined) validateContext(context, childPath(path, 'context'), errors, isActivityObject(object));
  const timestampPath = childPath(path, 'timestamp');
  if (timestamp !== undefined && checkTimestamp(timestamp, timestampPath, errors) && now !== undefined) {
    // A SubStatement MAY be in the future (Data 2.4.7.s3.b5); `now` is only passed for the outer Statement.
    const instant = iso8601TimestampToEpochMs(String(timestamp));
    if (instant !== null && instant > now.getTime()) {
      errors.push({ path: timestampPath, message: 'must not be in the future' });
    }
  }
  if (isSubStatement) {
    if (attachments !== undefined) validateAttachments(attachments, childPath(path, 'attachments'), errors);
    return;
  }
  if (stored !== undefined) checkTimestamp(stored, childPath(path, 'stored'), errors);
  // Data 2.4.9.s3.b1: an Agent, or a Group of two Agents under 3-legged OAuth; normally set by the LRS.
  if (authority !== undefined) validateAgentOrGroup(authority, childPath(path, 'authority'), errors);
  const versionPath = childPath(path, 'version');
  if (version !== undefined && checkString(version, versionPath, errors) && !VERSION.test(version)) {
    errors.push({ path: versionPath, message: `must be a 1.0.x version, got ${JSON.stringify(version)}` });
  }
  if (attachments !== undefined) validateAttachments(attachments, childPath(path, 'attachments'), errors);
}

/**
 * Checks a Statement against the xAPI 1.0.3 Data rules that matter for statements a client generates, and reports
 * every violation with its path. `id`, `stored` and `authority` are allowed (an LRS sets the last two).
 */
export function validateStatement(statement: unknown, options: StatementValidationOptions = {}): StatementValidation {
  const errors: XapiValidationErrors = [];
  if (checkObject(statement, '', errors)) validateStatementBody(statement, '', errors, false, options.now);
  return errors.length === 0 ? { valid: true } : { valid: false, errors };
}
