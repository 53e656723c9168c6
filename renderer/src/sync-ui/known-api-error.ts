import en from '../i18n/locales/en.json';

type ApiErrorKey = keyof typeof en.apiErrors;

/** An error code the UI can explain in words (every language has the same keys: a test checks parity). */
export function isKnownApiError(code: string): code is ApiErrorKey {
  return Object.hasOwn(en.apiErrors, code);
}
