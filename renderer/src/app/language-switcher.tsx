import { useTranslation } from 'react-i18next';
import { UI_LOCALES } from '../../../shared/i18n/locales';
import type { UiLocale } from '../../../shared/i18n/locales';
import { useServices } from '../ui/services-context';
import { useSettings } from '../ui/use-settings';

/**
 * Anyone at the kiosk may switch the language (main accepts a locale-only settings change from everyone);
 * each language names itself, so a learner finds theirs whatever is shown now.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const settings = useSettings();
  if (!settings) return null;
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('settings.language')}</span>
      <select
        name="ui-language"
        value={settings.locale ?? ''}
        onChange={(event) => {
          const value = event.target.value;
          void ipc.invoke('settings:update', { locale: value === '' ? null : (value as UiLocale) });
        }}
      >
        <option value="">{t('settings.languageSystem')}</option>
        {UI_LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
