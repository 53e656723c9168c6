import { useTranslation } from 'react-i18next';
import { lessonSessionTitle } from '../../../shared/lesson-plays/session-titles';
import type { LessonPlay } from '../../../shared/schemas/lesson-play';
import { formatDateTime, formatNumber } from '../i18n/format';
import { formatPercent, localTitle } from './lesson-text';
import { SessionResultForm } from './session-result-form';
import { useLessonPlay } from './use-lesson-play';

/** One play: its lesson, results and sessions (titled in the play's own language), and the result form. */
export function LessonPlayDetail({ playId, onBack }: { playId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const state = useLessonPlay(playId);
  return (
    <section aria-labelledby="lesson-play-title">
      <button type="button" className="secondary" onClick={onBack}>
        {t('lessonPlays.detail.back')}
      </button>
      {state.kind === 'loading' && <p>{t('lessonPlays.loading')}</p>}
      {state.kind === 'failed' && <p role="alert">{state.status === 404 ? t('lessonPlays.detail.notFound') : t('lessonPlays.loadFailed', { reason: state.message })}</p>}
      {state.kind === 'ready' && <PlayView play={state.play} />}
    </section>
  );
}

function PlayView({ play }: { play: LessonPlay }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  // Session titles follow the language the play was started in; the rest of the page follows the UI.
  const playLocale = play.locale ?? ui;
  const lessonSessions: unknown = play.lesson?.sessions;
  const count = Math.max(Array.isArray(lessonSessions) ? lessonSessions.length : 0, ...play.sessions.map((s) => s.index + 1), 1);
  const sessionTitles = Array.from({ length: count }, (_, index) => localTitle(lessonSessionTitle(play.lesson, index), playLocale) ?? t('lessonPlays.detail.sessionFallback', { number: index + 1 }));
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : formatPercent(value, ui));
  return (
    <>
      <h1 id="lesson-play-title">{localTitle(play.lesson?.title, ui) ?? t('lessonPlays.item.unknownLesson')}</h1>
      <dl className="facts" data-testid="lesson-play-facts">
        <dt>{t('lessonPlays.detail.facts.started')}</dt>
        <dd>{formatDateTime(play.createdAt, ui)}</dd>
        <dt>{t('lessonPlays.detail.facts.completed')}</dt>
        <dd>{play.completedAt ? formatDateTime(play.completedAt, ui) : t('lessonPlays.detail.notYet')}</dd>
        <dt>{t('lessonPlays.detail.facts.averageGrade')}</dt>
        <dd data-testid="average-grade">{play.averageGrade ?? t('lessonPlays.item.noGrade')}</dd>
        <dt>{t('lessonPlays.detail.facts.engagement')}</dt>
        <dd>{percent(play.averageEngagementLevel)}</dd>
        <dt>{t('lessonPlays.detail.facts.similarity')}</dt>
        <dd>{percent(play.averagePoseSimilarity)}</dd>
        <dt>{t('lessonPlays.detail.facts.reps')}</dt>
        <dd data-testid="total-reps">{t('lessonPlays.detail.repsValue', { count: formatNumber(play.totalRepCount ?? 0, ui), target: formatNumber(play.totalTargetRepCount ?? 0, ui) })}</dd>
        {play.activityTime !== undefined && (
          <>
            <dt>{t('lessonPlays.detail.facts.activityTime')}</dt>
            <dd>{t('lessonPlays.detail.minutesValue', { minutes: formatNumber(Math.round(play.activityTime / 60), ui) })}</dd>
          </>
        )}
        {play.locale && (
          <>
            <dt>{t('lessonPlays.detail.facts.language')}</dt>
            <dd>{t(`languages.${play.locale}`)}</dd>
          </>
        )}
      </dl>
      <h2>{t('lessonPlays.detail.sessionsTitle')}</h2>
      {play.sessions.length === 0 ? (
        <p>{t('lessonPlays.detail.noSessions')}</p>
      ) : (
        <table className="table" data-testid="lesson-play-sessions">
          <thead>
            <tr>
              <th>{t('lessonPlays.detail.columns.session')}</th>
              <th>{t('lessonPlays.detail.columns.grade')}</th>
              <th>{t('lessonPlays.detail.columns.engagement')}</th>
              <th>{t('lessonPlays.detail.columns.similarity')}</th>
              <th>{t('lessonPlays.detail.columns.reps')}</th>
            </tr>
          </thead>
          <tbody>
            {play.sessions.map((session) => (
              <tr key={session.index}>
                <td>{localTitle(session.title, playLocale) ?? sessionTitles[session.index]}</td>
                <td>{session.skipped ? t('lessonPlays.detail.skipped') : (session.grade ?? '—')}</td>
                <td>{percent(session.engagementLevel)}</td>
                <td>{percent(session.poseSimilarity)}</td>
                <td>{session.repCount !== undefined && session.targetRepCount !== undefined ? t('lessonPlays.detail.repsValue', { count: formatNumber(session.repCount, ui), target: formatNumber(session.targetRepCount, ui) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <SessionResultForm play={play} sessionTitles={sessionTitles} />
    </>
  );
}
