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
