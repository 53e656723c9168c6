import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES } from '../../../shared/i18n/locales';
import type { UiLocale } from '../../../shared/i18n/locales';
import { useServices } from '../ui/services-context';
import { useSettings } from '../ui/use-settings';
import { IDLE_SIGN_OUT_MAX_MINUTES, IDLE_SIGN_OUT_MIN_MINUTES } from '../../../shared/settings';
import type { Settings } from '../../../shared/settings';
import { OfflineTransferSection } from '../storage/offline-transfer-section';
import { StorageSection } from '../storage/storage-section';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; reason: string };

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  // Kept above the re-keyed form so the outcome of a save survives the remount that the save causes.
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {/* Re-keyed so a change saved from another window resets the form to what main now holds. */}
      {settings && <SettingsForm key={JSON.stringify(settings)} initial={settings} onSaved={setStatus} />}
      {status.kind === 'saved' && <p role="status">{t('settings.saved')}</p>}
      {status.kind === 'error' && <p role="alert">{t('settings.saveFailed', { reason: status.reason })}</p>}
      <StorageSection />
      <OfflineTransferSection />
    </section>
  );
}

function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (status: Status) => void }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [locale, setLocale] = useState<UiLocale | ''>(initial.locale ?? '');
  const [kioskName, setKioskName] = useState(initial.kioskName ?? '');
  const [idleMinutes, setIdleMinutes] = useState(String(initial.idleSignOutMinutes));
  const [kioskMode, setKioskMode] = useState(initial.kioskMode);
  const idle = Number(idleMinutes);
  const idleValid = Number.isInteger(idle) && idle >= IDLE_SIGN_OUT_MIN_MINUTES && idle <= IDLE_SIGN_OUT_MAX_MINUTES;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!idleValid) return;
    const result = await ipc.invoke('settings:update', {
      locale: locale === '' ? null : locale,
      kioskName: kioskName.trim() === '' ? null : kioskName,
      idleSignOutMinutes: idle,
      kioskMode,
    });
    onSaved(result.ok ? { kind: 'saved' } : { kind: 'error', reason: result.error.message });
  }

  return (
      <form className="form" onSubmit={(event) => void save(event)}>
        <label>
          <span>{t('settings.language')}</span>
          <select name="locale" value={locale} onChange={(event) => setLocale(event.target.value as UiLocale | '')}>
            <option value="">{t('settings.languageSystem')}</option>
            {UI_LOCALES.map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('settings.kioskName')}</span>
          <input name="kioskName" value={kioskName} maxLength={80} onChange={(event) => setKioskName(event.target.value)} />
          <small>{t('settings.kioskNameHint')}</small>
        </label>
        <label>
          <span>{t('settings.idleMinutes')}</span>
          <input
            name="idleSignOutMinutes"
            type="number"
            inputMode="numeric"
            min={IDLE_SIGN_OUT_MIN_MINUTES}
            max={IDLE_SIGN_OUT_MAX_MINUTES}
            value={idleMinutes}
            aria-invalid={idleValid ? undefined : true}
            onChange={(event) => setIdleMinutes(event.target.value)}
          />
          <small role={idleValid ? undefined : 'alert'}>{t(idleValid ? 'settings.idleHint' : 'settings.idleInvalid', { min: IDLE_SIGN_OUT_MIN_MINUTES, max: IDLE_SIGN_OUT_MAX_MINUTES })}</small>
        </label>
        <label className="inline">
          <input type="checkbox" name="kioskMode" checked={kioskMode} onChange={(event) => setKioskMode(event.target.checked)} />
          <span>{t('settings.kioskMode')}</span>
        </label>
        <small className="hint">{t('settings.kioskModeHint')}</small>
        <button type="submit">{t('settings.save')}</button>
      </form>
  );
}
