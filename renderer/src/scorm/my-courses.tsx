import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import type { LearnerSession } from '../auth/learner-session-storage';
import { listScormCourses } from '../data/scorm-courses';
import { learnerScormSessions } from '../data/scorm-session-queries';
import type { ScormCourseRow } from '../db/schema-v7';
import { ScormPlayerView } from './scorm-player-view';
import { launchCourse } from './scorm-client';

interface Playing {
  readonly course: ScormCourseRow;
  readonly sessionId: string;
  readonly launchUrl: string;
}

/** A learner's courses: status, score, and Start / Continue, which resumes their latest session. */
export function MyCourses({ session }: { session: LearnerSession }) {
  const { t } = useTranslation();
  const { db, api } = useServices();
  const learner = session.learner;
  const courses = useLiveQuery(async () => (await listScormCourses(db)).filter((c) => c.tenant_id === null || c.tenant_id === learner.tenant_id), [db, learner.tenant_id]);
  const sessions = useLiveQuery(() => learnerScormSessions(db, learner.id), [db, learner.id]);
  const [playing, setPlaying] = useState<Playing | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = useCallback(() => setPlaying(null), []);
  // Back from the player, focus returns to the course's Start / Continue button that opened it.
  const list = useRef<HTMLUListElement>(null);
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (playing || returnTo.current === null) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-testid="course-${CSS.escape(returnTo.current)}"] button`)?.focus();
    returnTo.current = null;
  }, [playing]);

  async function play(course: ScormCourseRow) {
    setFailure(null);
    const latest = sessions?.find((s) => s.package_id === course.id);
    const sessionId = latest?.id ?? crypto.randomUUID();
    const answer = await launchCourse(api, session.token, course.id, learner.id, sessionId);
    if (!answer.ok) return setFailure(answer.code);
    returnTo.current = course.id;
    setPlaying({ course, sessionId, launchUrl: answer.value.launch_url });
  }

  if (playing) {
    return <ScormPlayerView course={playing.course} sessionId={playing.sessionId} launchUrl={playing.launchUrl} learner={learner} onClose={close} />;
  }
  return (
    <>
      {failure && <p role="alert">{t('courses.launchFailed', { code: failure })}</p>}
      {courses && courses.length === 0 && <p>{t('courses.empty')}</p>}
      <ul ref={list} className="sessions" data-testid="my-courses">
        {(courses ?? []).map((course) => {
          const latest = sessions?.find((s) => s.package_id === course.id);
          const scaled = latest?.score?.scaled;
          return (
            <li key={course.id} className="card" data-testid={`course-${course.id}`}>
              <h2>{course.title}</h2>
              <p data-testid="course-status">
                {t(`courses.status.${latest?.completion_status ?? 'not attempted'}`)}
                {latest && latest.success_status !== 'unknown' ? ` · ${t(`courses.success.${latest.success_status}`)}` : ''}
              </p>
              {typeof scaled === 'number' && <p data-testid="course-score">{t('courses.score', { percent: Math.round(scaled * 100) })}</p>}
              <button type="button" onClick={() => void play(course)}>
                {latest ? t('courses.continue') : t('courses.start')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
