import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { useServices } from '../ui/services-context';
import { readConnectAnswer } from './connect-answer';
import type { ConnectAnswer } from './connect-answer';
import { checkWifiTarget } from './wifi-target';
import type { WifiTargetError } from './wifi-target';

type Outcome = { kind: 'answered'; message: string } | { kind: 'failed'; reason: string };

function explanation(outcome: Outcome): ConnectAnswer {
  if (outcome.kind === 'failed') return readConnectAnswer(outcome.reason);
  // main answers only once adb said it is connected (with adb's text, or the headset's serial).
  return readConnectAnswer(outcome.message) === 'already_connected' ? 'already_connected' : 'connected';
}

/** Wi-Fi ADB: for headsets already switched to `adb tcpip 5555` once over a cable. */
export function WifiConnectForm() {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [host, setHost] = useState('');
  const [port, setPort] = useState('5555');
  const [errors, setErrors] = useState<Partial<Record<'host' | 'port', WifiTargetError>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function connect(event: FormEvent) {
    event.preventDefault();
    const check = checkWifiTarget(host, port);
    if (!check.ok) {
      setErrors(check.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await ipc.invoke('headsets:connect', check.value);
    setBusy(false);
    // adb's own answer ("connected to …", "failed to connect to …") is the most precise thing to show.
    setOutcome(result.ok ? { kind: 'answered', message: result.value.message } : { kind: 'failed', reason: result.error.message });
  }

  return (
    <form className="form card" aria-labelledby="wifi-connect-title" onSubmit={(event) => void connect(event)} noValidate>
      <h2 id="wifi-connect-title">{t('headsets.wifi.title')}</h2>
      <p className="hint">{t('headsets.wifi.hint')}</p>
      <FormField label={t('headsets.wifi.host')} error={errors.host ? t(`headsets.wifi.errors.${errors.host}`) : null}>
        {(control) => <input {...control} name="host" value={host} onChange={(e) => setHost(e.target.value)} />}
      </FormField>
      <FormField label={t('headsets.wifi.port')} error={errors.port ? t(`headsets.wifi.errors.${errors.port}`) : null}>
        {(control) => <input {...control} name="port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />}
      </FormField>
      <button type="submit" disabled={busy}>
        {t('headsets.wifi.submit')}
      </button>
      {outcome && <ConnectOutcome outcome={outcome} />}
      <details open={outcome !== null && explanation(outcome) === 'needs_pairing'}>
        <summary>{t('headsets.wifi.pair.title')}</summary>
        <PairForm host={host} />
      </details>
    </form>
  );
}

/** In words first (what it means, what to do), then adb's own answer for whoever wants the detail. */
function ConnectOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const answer = explanation(outcome);
  const raw = outcome.kind === 'answered' ? outcome.message : outcome.reason;
  const good = answer === 'connected' || answer === 'already_connected';
  return (
    <div role={good ? 'status' : 'alert'} data-testid="wifi-outcome">
      <p>{t(`headsets.wifi.answer.${answer}`)}</p>
      <p className="hint">{t('headsets.wifi.answered', { message: raw.slice(0, 300) })}</p>
    </div>
  );
}

type PairState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; outcome: 'paired' | 'wrong_code' | 'adb_too_old' | 'failed'; message: string };

/**
 * Wireless debugging's pairing (Developer settings › Wireless debugging › Pair with code): the headset shows
 * a port and a six-digit code; this computer's adb pairs once, then Connect works with the other port.
 * Not a nested <form>: it submits with its own button.
 */
function PairForm({ host }: { host: string }) {
  const { t } = useTranslation();
  const { ipc } = useServices();
  const [port, setPort] = useState('');
  const [code, setCode] = useState('');
  const [state, setState] = useState<PairState>({ kind: 'idle' });
  // As the connect form: the checks' own error keys, put into words when shown.
  const [errors, setErrors] = useState<Partial<Record<'host' | 'port', WifiTargetError>>>({});
  const [codeBad, setCodeBad] = useState(false);

  async function pair() {
    const target = checkWifiTarget(host, port);
    const badCode = !/^\d{6}$/.test(code.trim());
    setErrors(target.ok ? {} : target.errors);
    setCodeBad(badCode);
    if (!target.ok || badCode) return;
    setState({ kind: 'busy' });
    const result = await ipc.invoke('headsets:pair', { ...target.value, code: code.trim() });
    setState(result.ok ? { kind: 'done', ...result.value } : { kind: 'done', outcome: 'failed', message: result.error.message });
  }

  return (
    <div className="pair-form">
      <p className="hint">{t('headsets.wifi.pair.hint')}</p>
      {errors.host && <p role="alert">{t(`headsets.wifi.errors.${errors.host}`)}</p>}
      <FormField label={t('headsets.wifi.pair.port')} error={errors.port ? t(`headsets.wifi.errors.${errors.port}`) : null}>
        {(control) => <input {...control} name="pairPort" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />}
      </FormField>
      <FormField label={t('headsets.wifi.pair.code')} error={codeBad ? t('headsets.wifi.pair.codeInvalid') : null}>
        {(control) => <input {...control} name="pairCode" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />}
      </FormField>
      <button type="button" disabled={state.kind === 'busy'} onClick={() => void pair()}>
        {t('headsets.wifi.pair.submit')}
      </button>
      {state.kind === 'done' && (
        <div role={state.outcome === 'paired' ? 'status' : 'alert'} data-testid="pair-outcome">
          <p>{t(`headsets.wifi.pair.outcome.${state.outcome}`)}</p>
          {state.message && <p className="hint">{t('headsets.wifi.answered', { message: state.message })}</p>}
        </div>
      )}
    </div>
  );
}
