import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import type { ScormCourseRow } from '../db/schema-v7';
import { courseDeleteImpact, deleteCourse } from '../data/scorm-course-delete';
import type { CourseDeleteImpact } from '../data/scorm-course-delete';

type State = { kind: 'idle' } | { kind: 'asking'; impact: CourseDeleteImpact } | { kind: 'deleting' } | { kind: 'failed'; text: string };

/**
 * One course's Delete button in the library: it first says what the deletion leaves behind (learners who
 * can no longer continue, dispatches revoked; their records stay and sync), then removes the record and
 * main's files. Files that cannot be removed put the record back and say so.
 */
export function CourseDelete({ course, onDeleted }: { course: ScormCourseRow; onDeleted: (title: string) => void }) {
  const { t } = useTranslation();
  const { ipc, ports } = useServices();
  const { guard } = useInstructor();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const failed = (error: unknown) => setState({ kind: 'failed', text: t('courses.delete.failed', { detail: error instanceof Error ? error.message : String(error) }) });

  async function ask() {
    try {
      setState({ kind: 'asking', impact: await courseDeleteImpact(ports, guard, course.id) });
    } catch (error) {
      failed(error);
    }
  }

  async function confirm() {
    setState({ kind: 'deleting' });
    try {
      const outcome = await deleteCourse(ports, guard, course.id, async (id) => {
        const answer = await ipc.invoke('scorm:delete-course', { package_id: id });
        return answer.ok ? { ok: true } : { ok: false, message: answer.error.message };
      });
      if (outcome.ok || outcome.reason === 'gone') onDeleted(course.title);
      else setState({ kind: 'failed', text: t('courses.delete.filesFailed', { detail: outcome.detail ?? '' }) });
    } catch (error) {
      failed(error);
    }
  }

  if (state.kind === 'asking') {
    const { impact } = state;
    return (
      <div role="group" aria-label={t('courses.delete.confirmLabel', { title: course.title })} className="confirm">
        <p>{t('courses.delete.question', { title: course.title })}</p>
        {impact.learners > 0 && <p>{t('courses.delete.learners', { count: impact.learners, unfinished: impact.unfinished })}</p>}
        {impact.dispatches > 0 && <p>{t('courses.delete.dispatches', { count: impact.dispatches })}</p>}
        <div className="actions">
          <button type="button" className="danger" onClick={() => void confirm()}>
            {t('courses.delete.confirm')}
          </button>
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t('courses.delete.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      <button type="button" disabled={state.kind === 'deleting'} aria-label={t('courses.delete.buttonLabel', { title: course.title })} onClick={() => void ask()}>
        {state.kind === 'deleting' ? t('courses.delete.deleting') : t('courses.delete.button')}
      </button>
      {state.kind === 'failed' && <p role="alert">{state.text}</p>}
    </>
  );
}
