import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, UI_LOCALES } from '../../../shared/i18n/locales';
import type { UiLocale } from '../../../shared/i18n/locales';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

export const resources = {
  en: { translation: en },
  'zh-Hans': { translation: zhHans },
  'zh-Hant': { translation: zhHant },
} as const satisfies Record<UiLocale, { translation: unknown }>;

/** Bundled resources only: the app must speak every language with no network. */
export async function createI18n(locale: UiLocale): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...UI_LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
