import type { TFunction } from 'i18next';

/** A refusal in words: a submitted coach quiz (403) is told as such, anything else with its reason. */
export function loggerFailureText(t: TFunction, failure: { status: number; code: string; message: string }): string {
  if (failure.status === 403) return t('exercises.errors.forbidden');
  return t('exercises.errors.failed', { message: failure.message });
}
