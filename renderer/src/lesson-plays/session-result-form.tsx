import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LESSON_GRADES } from '../../../shared/schemas/lesson-play-session';
import type { LessonGrade } from '../../../shared/schemas/lesson-play-session';
import type { LessonPlay } from '../../../shared/schemas/lesson-play';
import { resultsOf, withSessionResult } from '../data/lesson-plays';
import { sessionResultFrom } from './session-result-input';
import type { SessionResultInput } from './session-result-input';
import { useLessonPlaysClient } from './use-lesson-plays-client';

/**
 * A learner reports a session's result by hand (as they self-report a VR session): the whole result of
 * the play goes to PUT .../results, and the aggregates come back derived by the API.
 */
export function SessionResultForm({ play, sessionTitles }: { play: LessonPlay; sessionTitles: readonly string[] }) {
  const { t } = useTranslation();
  const client = useLessonPlaysClient();
  const [input, setInput] = useState<SessionResultInput>({ index: '0', grade: '', repCount: '', targetRepCount: '', skipped: false });
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const check = sessionResultFrom(input);
  const save = async () => {
    if (!client || !check.ok) return;
    const { lesson: _lesson, ...row } = play;
    const result = await client.putResults(play.id, withSessionResult(resultsOf(row), check.session));
    setMessage(result.ok ? { kind: 'saved', text: t('lessonPlays.form.saved') } : { kind: 'error', text: t('lessonPlays.form.failed', { reason: result.message }) });
  };
  const finish = async () => {
    if (!client) return;
    const { lesson: _lesson, ...row } = play;
    const result = await client.putResults(play.id, { ...resultsOf(row), completedAt: new Date().toISOString() });
    setMessage(result.ok ? { kind: 'saved', text: t('lessonPlays.form.finished') } : { kind: 'error', text: t('lessonPlays.form.failed', { reason: result.message }) });
  };
  const set = (patch: Partial<SessionResultInput>) => {
    setInput({ ...input, ...patch });
    setMessage(null);
  };
  return (
    <section className="card" aria-labelledby="session-result-title">
      <h2 id="session-result-title">{t('lessonPlays.form.title')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          {t('lessonPlays.form.session')}
          <select value={input.index} onChange={(event) => set({ index: event.target.value })}>
            {sessionTitles.map((title, index) => (
              <option key={index} value={String(index)}>
                {title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('lessonPlays.form.grade')}
          <select value={input.grade} onChange={(event) => set({ grade: event.target.value as LessonGrade | '' })}>
            <option value="">{t('lessonPlays.form.noGrade')}</option>
            {LESSON_GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {grade}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('lessonPlays.form.reps')}
          <input inputMode="numeric" value={input.repCount} onChange={(event) => set({ repCount: event.target.value })} />
        </label>
        <label>
          {t('lessonPlays.form.target')}
          <input inputMode="numeric" value={input.targetRepCount} onChange={(event) => set({ targetRepCount: event.target.value })} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={input.skipped} onChange={(event) => set({ skipped: event.target.checked })} />
          {t('lessonPlays.form.skipped')}
        </label>
        {!check.ok && <small role="alert">{t(`lessonPlays.form.errors.${check.error}`)}</small>}
        <div className="actions">
          <button type="submit" disabled={!check.ok}>
            {t('lessonPlays.form.save')}
          </button>
          {!play.completedAt && (
            <button type="button" className="secondary" onClick={() => void finish()}>
              {t('lessonPlays.form.finish')}
            </button>
          )}
        </div>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'notice notice-danger' : 'notice'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
