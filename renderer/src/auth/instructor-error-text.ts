import type { TFunction } from 'i18next';
import type { IpcError } from '../../../shared/ipc/result';
import { formatTime } from '../i18n/format';

function detail(error: IpcError, key: string): unknown {
  return typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>)[key] : undefined;
}

/** What main's answer to an instructor action means, in the UI language. */
export function instructorErrorText(t: TFunction, error: IpcError, locale: string): string {
  switch (error.code) {
    case 'WRONG_SECRET': {
      const left = detail(error, 'attempts_left');
      return typeof left === 'number' ? t('instructor.errors.wrongWithLeft', { count: left }) : t('instructor.errors.wrong');
    }
    case 'LOCKED': {
      const until = detail(error, 'locked_until');
      return typeof until === 'string' ? t('instructor.errors.lockedUntil', { time: formatTime(until, locale) }) : t('instructor.errors.locked');
    }
    case 'WEAK_SECRET': {
      const min = detail(error, 'min_length');
      return t('instructor.errors.weak', { count: typeof min === 'number' ? min : 8 });
    }
    case 'ALREADY_CONFIGURED':
      return t('instructor.errors.alreadyConfigured');
    case 'NOT_CONFIGURED':
      return t('instructor.errors.notConfigured');
    case 'INSTRUCTOR_REQUIRED':
      return t('instructor.errors.required');
    default:
      return t('instructor.errors.other', { message: error.message });
  }
}
