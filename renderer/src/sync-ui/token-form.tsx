import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import { FormField } from '../app/form-field';
import { useServices } from '../app/services-context';
import { useSyncSnapshot } from './use-sync-snapshot';

type Notice = { kind: 'accepted' | 'refused' | 'unchecked' | 'signedOut' } | { kind: 'saveFailed' | 'signOutFailed'; reason: string };

/** Main checks a new token against the API at once; an unreachable API cannot judge it yet. */
function judge(status: RemoteStatus): Notice {
  if (!status.configured || !status.reachable) return { kind: 'unchecked' };
  return { kind: status.signed_in ? 'accepted' : 'refused' };
}

/**
 * The kiosk's access token. It goes to main and is never read back: the field empties after saving, and
 * the page only ever shows whether the API accepts it.
 */
export function TokenForm() {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const snapshot = useSyncSnapshot();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const needsToken = snapshot.state === 'paused_auth';
  useEffect(() => {
    if (needsToken) input.current?.focus();
  }, [needsToken]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (token.trim().length < 8) {
      setError(t('sync.connection.errors.tokenTooShort'));
      return;
    }
    setError(null);
    const result = await ipc.invoke('remote:set-token', { token });
    setToken('');
    setNotice(result.ok ? judge(result.value) : { kind: 'saveFailed', reason: result.error.message });
  }

  async function signOut() {
    const result = await ipc.invoke('remote:sign-out', {});
    setNotice(result.ok ? { kind: 'signedOut' } : { kind: 'signOutFailed', reason: result.error.message });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void save(event)}>
      <FormField label={t('sync.connection.token')} hint={t('sync.connection.tokenHint')} error={error}>
        {(control) => <input {...control} ref={input} name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />}
      </FormField>
      <div className="actions">
        <button type="submit">{t('sync.connection.saveToken')}</button>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          {t('sync.connection.signOut')}
        </button>
      </div>
      {notice?.kind === 'accepted' && <p role="status">{t('sync.connection.tokenAccepted')}</p>}
      {notice?.kind === 'unchecked' && <p role="status">{t('sync.connection.tokenUnchecked')}</p>}
      {notice?.kind === 'signedOut' && <p role="status">{t('sync.connection.signedOut')}</p>}
      {notice?.kind === 'refused' && <p role="alert">{t('sync.connection.tokenRefused')}</p>}
      {notice?.kind === 'saveFailed' && <p role="alert">{t('sync.connection.tokenFailed', { reason: notice.reason })}</p>}
      {notice?.kind === 'signOutFailed' && <p role="alert">{t('sync.connection.signOutFailed', { reason: notice.reason })}</p>}
    </form>
  );
}
