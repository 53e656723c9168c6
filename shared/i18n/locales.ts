/** The app's UI locales; the lesson-plays API accepts exactly the same set. */
export const UI_LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export const DEFAULT_LOCALE: UiLocale = 'en';

/**
 * Maps a BCP 47 tag from the OS or browser to one of our locales. Chinese variants are decided by script
 * first and region second, because zh-TW/zh-HK users read Traditional and zh-CN/zh-SG users Simplified.
 */
export function matchUiLocale(tag: string | undefined): UiLocale {
  if (!tag) return DEFAULT_LOCALE;
  const lower = tag.toLowerCase();
  if (!lower.startsWith('zh')) return DEFAULT_LOCALE;
  if (lower.includes('hant')) return 'zh-Hant';
  if (lower.includes('hans')) return 'zh-Hans';
  if (/-(tw|hk|mo)\b/.test(lower)) return 'zh-Hant';
  return 'zh-Hans';
}
