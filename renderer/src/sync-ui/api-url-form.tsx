import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useSettings } from '../ui/use-settings';
import { checkApiUrl } from '../sync/api-url';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; reason: string };

/** Where the school's API lives; main keeps it with the other device settings. */
export function ApiUrlForm() {
  const { t } = useTranslation();
  const settings = useSettings();
  // Above the re-keyed form so "saved" survives the remount that saving causes.
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  if (!settings) return null;
  return (
    <>
      {/* Re-keyed so an address saved from another window replaces what is typed here. */}
      <UrlForm key={settings.apiBaseUrl ?? ''} initial={settings.apiBaseUrl ?? ''} onSaved={setStatus} />
      {status.kind === 'saved' && <p role="status">{t('sync.connection.urlSaved')}</p>}
      {status.kind === 'error' && <p role="alert">{t('sync.connection.urlSaveFailed', { reason: status.reason })}</p>}
    </>
  );
}

function UrlForm({ initial, onSaved }: { initial: string; onSaved: (status: Status) => void }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [value, setValue] = useState(initial);
  const [touched, setTouched] = useState(false);
  const check = checkApiUrl(value);
  const error = touched && !check.ok ? t(`sync.connection.errors.${check.error}`) : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    const result = await ipc.invoke('settings:update', { apiBaseUrl: check.value });
    onSaved(result.ok ? { kind: 'saved' } : { kind: 'error', reason: result.error.message });
    // Main does not probe on a settings change; asking now lets sync start (or stop) without waiting for the next probe.
    if (result.ok) await ipc.invoke('remote:status', { refresh: true });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void save(event)}>
      <FormField label={t('sync.connection.apiUrl')} hint={t('sync.connection.apiUrlHint')} error={error}>
        {(control) => (
          <input {...control} name="apiBaseUrl" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={value} onChange={(e) => setValue(e.target.value)} onBlur={() => setTouched(true)} />
        )}
      </FormField>
      <button type="submit">{t('sync.connection.saveUrl')}</button>
    </form>
  );
}
