import { useTranslation } from 'react-i18next';
import type { VrSession } from '../../../shared/schemas/vr-session';
import { formatDateTime, formatNumber } from '../i18n/format';
import { CompleteSessionForm } from './complete-session-form';

/** `keptLocal`: the package is not known to the remote, so this session stays on the kiosk until it is linked. */
export function SessionCard({ session, keptLocal = false }: { session: VrSession; keptLocal?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const headingId = `session-${session.id}`;
  return (
    <article className="card session" aria-labelledby={headingId} data-status={session.status}>
      <header className="session-head">
        <h2 id={headingId}>{session.package.title || t('sessions.untitled')}</h2>
        <span className={`status status-${session.status}`}>{t(`vrStatus.${session.status}`)}</span>
      </header>
      {keptLocal && (
        <p className="hint kept-local" data-testid="kept-local">
          {t('sessions.keptLocal')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('sessions.facts.version')}</dt>
        <dd>{session.package.version}</dd>
        <dt>{t('sessions.facts.mode')}</dt>
        <dd>{t(`completionModes.${session.completion_mode}`)}</dd>
        <dt>{t('sessions.facts.attempt')}</dt>
        <dd>{formatNumber(session.attempts, locale)}</dd>
        <dt>{t('sessions.facts.started')}</dt>
        <dd>{formatDateTime(session.created_at, locale)}</dd>
        {session.completed_at && (
          <>
            <dt>{t('sessions.facts.completed')}</dt>
            <dd>{formatDateTime(session.completed_at, locale)}</dd>
          </>
        )}
        {session.score && (
          <>
            <dt>{t('sessions.facts.score')}</dt>
            <dd>{t('sessions.scoreValue', { score: formatNumber(session.score.raw, locale), max: formatNumber(session.score.max, locale) })}</dd>
          </>
        )}
        {session.success_status && (
          <>
            <dt>{t('sessions.facts.result')}</dt>
            <dd className={`result result-${session.success_status}`}>{t(`sessions.result.${session.success_status}`)}</dd>
          </>
        )}
        {session.time_spent_seconds > 0 && (
          <>
            <dt>{t('sessions.facts.timeSpent')}</dt>
            <dd>{t('sessions.minutesValue', { minutes: formatNumber(Math.round(session.time_spent_seconds / 60), locale) })}</dd>
          </>
        )}
      </dl>
      {session.status === 'completed' && session.completion_mode === 'auto_detect' && !session.self_reported && (
        <p className="hint completed-by-headset" data-testid="completed-by-headset">
          {t('sessions.completedByHeadset')}
        </p>
      )}
      {session.status !== 'completed' && session.completion_mode === 'auto_detect' && (
        <p className="hint headset-reports" data-testid="headset-reports">
          {t('sessions.headsetReports')}
        </p>
      )}
      {session.status !== 'completed' && <CompleteSessionForm session={session} />}
    </article>
  );
}
