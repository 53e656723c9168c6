import {
  checkBoolean,
  checkExtensions,
  checkKnownKeys,
  checkNumber,
  checkObject,
  checkString,
} from './field-checks';
import { isIso8601Duration } from './iso8601-duration';
import type { XapiValidationErrors } from './validation-issue';
import { childPath } from './validation-issue';

const RESULT_KEYS: readonly string[] = ['score', 'success', 'completion', 'response', 'duration', 'extensions'];
const SCORE_KEYS: readonly string[] = ['scaled', 'raw', 'min', 'max'];

/** Data 2.4.5.1: scaled in [-1, 1]; min < max; raw within [min, max] for whichever bounds are present. */
function checkScore(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, SCORE_KEYS, path, errors);
  const number = (key: string): number | undefined => {
    const field = value[key];
    return field !== undefined && checkNumber(field, childPath(path, key), errors) ? field : undefined;
  };
  const scaled = number('scaled');
  const raw = number('raw');
  const min = number('min');
  const max = number('max');
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) {
    errors.push({ path: childPath(path, 'scaled'), message: `must be between -1 and 1 inclusive, got ${scaled}` });
  }
  if (min !== undefined && max !== undefined && min >= max) {
    errors.push({ path: childPath(path, 'min'), message: `must be less than max (${max}), got ${min}` });
  }
  if (raw !== undefined && min !== undefined && raw < min) {
    errors.push({ path: childPath(path, 'raw'), message: `must not be less than min (${min}), got ${raw}` });
  }
  if (raw !== undefined && max !== undefined && raw > max) {
    errors.push({ path: childPath(path, 'raw'), message: `must not be greater than max (${max}), got ${raw}` });
  }
}

/** Data 2.4.5 Result. */
export function validateResult(value: unknown, path: string, errors: XapiValidationErrors): void {
  if (!checkObject(value, path, errors)) return;
  checkKnownKeys(value, RESULT_KEYS, path, errors);
  if (value.score !== undefined) checkScore(value.score, childPath(path, 'score'), errors);
  if (value.success !== undefined) checkBoolean(value.success, childPath(path, 'success'), errors);
  if (value.completion !== undefined) checkBoolean(value.completion, childPath(path, 'completion'), errors);
  if (value.response !== undefined) checkString(value.response, childPath(path, 'response'), errors);
  const durationPath = childPath(path, 'duration');
  const { duration } = value;
  if (duration !== undefined && checkString(duration, durationPath, errors) && !isIso8601Duration(duration)) {
    const message = `must be an ISO 8601 duration such as "PT1H30M", got ${JSON.stringify(duration)}`;
    errors.push({ path: durationPath, message });
  }
  if (value.extensions !== undefined) checkExtensions(value.extensions, childPath(path, 'extensions'), errors);
}
