import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LrsView } from '../../../shared/xapi/lrs-config';
import { useInstructor } from '../auth/instructor-context';
import { downloadText } from '../console/grid-csv';
import { exportKeptStatements, keptStatementCount, recentKeptStatements, releaseKeptStatements } from '../sync/kept-statements';
import { checkApiUrl } from '../sync/api-url';
import { formatDateTime } from '../i18n/format';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';

const SHOWN = 20;

type Notice = { kind: 'saved'; released: number } | { kind: 'removed' } | { kind: 'exported'; count: number } | { kind: 'failed'; reason: string };

/**
 * xAPI statements: where they go (the school's LRS, set here by an instructor) and, while none is set, the
 * ones kept on this kiosk, listed and downloadable as standard xAPI (docs/api/xapi.md).
 */
export function StatementsSection() {
  const { t, i18n } = useTranslation();
  const { db, ipc } = useServices();
  const { guard } = useInstructor();
  const kept = useLiveQuery(() => keptStatementCount(db), [db]);
  const recent = useLiveQuery(() => recentKeptStatements(db, SHOWN), [db]);
  const [lrs, setLrs] = useState<LrsView | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    let live = true;
    void ipc.invoke('lrs:get', {}).then((answer) => {
      if (live) setLrs(answer.ok ? answer.value : null);
    });
    return () => {
      live = false;
    };
  }, [ipc]);

  async function download() {
    setNotice(null);
    try {
      const statements = await exportKeptStatements(db, guard);
      downloadText(`${JSON.stringify(statements, null, 2)}\n`, `outpost-statements-${new Date().toISOString().slice(0, 10)}.json`, 'application/json');
      setNotice({ kind: 'exported', count: statements.length });
    } catch (error) {
      setNotice({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  async function remove() {
    setNotice(null);
    const answer = await ipc.invoke('lrs:clear', {});
    if (answer.ok) {
      setLrs(null);
      setNotice({ kind: 'removed' });
    } else setNotice({ kind: 'failed', reason: answer.error.message });
  }

  return (
    <section className="card statements" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('sync.statements.title')}</h2>
      <p className="hint">{lrs ? t('sync.statements.toLrs', { endpoint: lrs.endpoint }) : t('sync.statements.kept')}</p>
      {kept !== undefined && kept > 0 && (
        <>
          <p data-testid="kept-count">{t('sync.statements.keptCount', { count: kept })}</p>
          <ul aria-label={t('sync.statements.listLabel')} className="plain-list">
            {(recent ?? []).map((s) => (
              <li key={s.id}>
                {t('sync.statements.item', { learner: s.learnerName ?? s.learnerId ?? '—', verb: s.verb, activity: s.activity, at: formatDateTime(s.recordedAt, i18n.language) })}
              </li>
            ))}
          </ul>
          {kept > SHOWN && <p className="hint">{t('sync.statements.more', { count: kept - SHOWN })}</p>}
          <button type="button" onClick={() => void download()}>
            {t('sync.statements.download')}
          </button>
        </>
      )}
      {lrs !== undefined && (
        <LrsForm
          key={lrs?.endpoint ?? ''}
          current={lrs}
          onSaved={async (view) => {
            setLrs(view);
            setNotice({ kind: 'saved', released: await releaseKeptStatements(db, new Date()) });
          }}
          onFailed={(reason) => setNotice({ kind: 'failed', reason })}
        />
      )}
      {lrs && (
        <button type="button" className="secondary" onClick={() => void remove()}>
          {t('sync.statements.remove')}
        </button>
      )}
      {notice?.kind === 'saved' && <p role="status">{t('sync.statements.saved', { count: notice.released })}</p>}
      {notice?.kind === 'removed' && <p role="status">{t('sync.statements.removed')}</p>}
      {notice?.kind === 'exported' && <p role="status">{t('sync.statements.exported', { count: notice.count })}</p>}
      {notice?.kind === 'failed' && <p role="alert">{t('sync.statements.failed', { reason: notice.reason })}</p>}
    </section>
  );
}

function LrsForm({ current, onSaved, onFailed }: { current: LrsView | null; onSaved: (view: LrsView) => Promise<void>; onFailed: (reason: string) => void }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [endpoint, setEndpoint] = useState(current?.endpoint ?? '');
  const [kind, setKind] = useState<'basic' | 'token'>(current?.auth_kind ?? 'basic');
  const [username, setUsername] = useState(current?.username ?? '');
  const [secret, setSecret] = useState('');
  const [touched, setTouched] = useState(false);
  const check = checkApiUrl(endpoint);
  const endpointError = touched && !check.ok ? t(`sync.connection.errors.${check.error}`) : null;
  // The same rules as main's schema (shared/xapi/lrs-config.ts), answered inline; shown once the form was sent.
  const userBad = kind === 'basic' && (username.trim() === '' || username.includes(':'));
  const secretBad = kind === 'token' ? secret.trim().length < 8 : secret === '';
  const userError = touched && userBad ? t('sync.statements.errors.username') : null;
  const secretError = touched && secretBad ? t(kind === 'token' ? 'sync.statements.errors.token' : 'sync.statements.errors.password') : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!check.ok || !check.value || userBad || secretBad) return;
    const auth = kind === 'basic' ? { kind, username: username.trim(), password: secret } : { kind, token: secret.trim() };
    const answer = await ipc.invoke('lrs:set', { endpoint: check.value, auth });
    if (answer.ok) await onSaved(answer.value);
    else onFailed(answer.error.message);
  }

  return (
    <form className="form" noValidate aria-label={t('sync.statements.formLabel')} onSubmit={(event) => void save(event)}>
      <FormField label={t('sync.statements.endpoint')} hint={t('sync.statements.endpointHint')} error={endpointError}>
        {(control) => <input {...control} name="lrsEndpoint" type="url" inputMode="url" autoComplete="off" spellCheck={false} value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />}
      </FormField>
      <FormField label={t('sync.statements.authKind')}>
        {(control) => (
          <select {...control} name="lrsAuthKind" value={kind} onChange={(e) => setKind(e.target.value === 'token' ? 'token' : 'basic')}>
            <option value="basic">{t('sync.statements.basic')}</option>
            <option value="token">{t('sync.statements.token')}</option>
          </select>
        )}
      </FormField>
      {kind === 'basic' && (
        <FormField label={t('sync.statements.username')} error={userError}>
          {(control) => <input {...control} name="lrsUsername" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />}
        </FormField>
      )}
      <FormField label={kind === 'basic' ? t('sync.statements.password') : t('sync.statements.tokenField')} hint={current ? t('sync.statements.secretHint') : null} error={secretError}>
        {(control) => <input {...control} name="lrsSecret" type="password" autoComplete="off" value={secret} onChange={(e) => setSecret(e.target.value)} />}
      </FormField>
      <button type="submit">{t('sync.statements.save')}</button>
    </form>
  );
}
