import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RemoteStatus } from '../../../shared/sync/remote-contract';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { useSyncSnapshot } from './use-sync-snapshot';

type Notice =
  | { kind: 'accepted' | 'refused' | 'unchecked' | 'signedOut' | 'addressFirst' }
  | { kind: 'saveFailed' | 'signOutFailed'; reason: string }
  | { kind: 'insecureStorage'; token: string };

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
    await send(token, false);
  }

  /**
   * Without an OS keyring (Linux's plain-text backend) main will not store the token unless the instructor
   * agrees; the token is held only in this form's memory while they decide.
   */
  async function send(value: string, allowPlainText: boolean) {
    const result = await ipc.invoke('remote:set-token', allowPlainText ? { token: value, allow_plain_text: true } : { token: value });
    setToken('');
    if (result.ok) setNotice(judge(result.value));
    else if (result.error.code === 'INSECURE_STORAGE') setNotice({ kind: 'insecureStorage', token: value });
    else if (result.error.code === 'API_URL_REQUIRED') setNotice({ kind: 'addressFirst' });
    else setNotice({ kind: 'saveFailed', reason: result.error.message });
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
      {notice?.kind === 'addressFirst' && <p role="alert">{t('sync.connection.addressFirst')}</p>}
      {notice?.kind === 'insecureStorage' && (
        <div role="alertdialog" aria-labelledby="insecure-title" className="confirm">
          <p id="insecure-title">
            <strong>{t('sync.connection.insecureTitle')}</strong>
          </p>
          <p>{t('sync.connection.insecureText')}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void send(notice.token, true)}>
              {t('sync.connection.insecureAccept')}
            </button>
            <button type="button" className="secondary" onClick={() => setNotice(null)}>
              {t('sync.connection.insecureDecline')}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
