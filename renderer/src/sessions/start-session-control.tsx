import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_COMPLETION_MODE, VR_SESSION_CREATE_MESSAGES } from '../../../shared/schemas/vr-session';
import type { VrCompletionMode } from '../../../shared/schemas/vr-session';
import type { ApiErrorCode } from '../local-server/api-result';
import { navigate } from '../ui/use-hash-route';
import { useVrSessionsClient } from './use-vr-sessions-client';
import type { VrPackageRow } from '../db/rows';
import { useSessionNotice } from './session-notice-context';

/** auto_detect: the app on the headset reports completion itself (docs/api/headset-api.md#who-picks-auto_detect). */
export const STARTABLE_MODES = ['self_report', 'score_entry', 'auto_detect'] as const satisfies readonly VrCompletionMode[];
type StartableMode = (typeof STARTABLE_MODES)[number];

/** Starts (or, per the seed, resumes) the signed-in learner's session for one package. */
export function StartSessionControl({ pkg }: { pkg: VrPackageRow }) {
  const { t } = useTranslation();
  const client = useVrSessionsClient();
  const { show } = useSessionNotice();
  const [mode, setMode] = useState<StartableMode>(DEFAULT_COMPLETION_MODE);
  const [error, setError] = useState<ApiErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  if (!client) return null;

  async function start(api: NonNullable<typeof client>) {
    setBusy(true);
    setError(null);
    const result = await api.create({ package_id: pkg.id, completion_mode: mode });
    setBusy(false);
    if (!result.ok) {
      setError(result.code);
      return;
    }
    show({ kind: result.value.message === VR_SESSION_CREATE_MESSAGES.existing ? 'reused' : 'started', title: pkg.title });
    navigate('sessions');
  }

  return (
    <div className="start-session">
      <select aria-label={t('library.modeFor', { title: pkg.title })} value={mode} onChange={(event) => setMode(event.target.value as StartableMode)}>
        {STARTABLE_MODES.map((option) => (
          <option key={option} value={option}>
            {t(`completionModes.${option}`)}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy} onClick={() => void start(client)}>
        {t('library.start')}
      </button>
      {error && <small role="alert">{t('library.startFailed', { reason: t(`apiErrors.${error}`) })}</small>}
    </div>
  );
}
