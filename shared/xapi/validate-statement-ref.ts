import { checkKnownKeys, checkObject, checkUuid } from './field-checks';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const STATEMENT_REF_KEYS: readonly string[] = ['objectType', 'id'];

/** Data 2.4.4.3.s4: objectType "StatementRef" and the UUID of a Statement, both required. */
export function validateStatementRef(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, STATEMENT_REF_KEYS, path, errors);
  if (value.objectType !== 'StatementRef') {
    errors.push({ path: childPath(path, 'objectType'), message: 'must be "StatementRef"' });
  }
  if (value.id === undefined) errors.push({ path: childPath(path, 'id'), message: 'is required' });
  else checkUuid(value.id, childPath(path, 'id'), errors);
}
