import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScormLanStatus } from '../../../shared/scorm/lan-wire';
import { LAN_LIMITS } from '../../../shared/scorm/lan-wire';
import { useInstructor } from '../auth/instructor-context';
import { createDispatch, listDispatches, revokeDispatch, rotateDispatch } from '../data/scorm-dispatches';
import type { ScormCourseRow } from '../db/schema-v7';
import { dateTimeFormat } from '../i18n/formatters';
import { useServices } from '../ui/services-context';

type Link = { readonly title: string; readonly url: string | null };

/**
 * Handing a course to an LMS on the school's network (docs/scorm-lan.md): the instructor turns LAN sharing
 * on, creates one dispatch per LMS destination and gives the LMS its link, shown once (only its hash is
 * kept); a new link (rotate) or revoking stops the old one.
 */
export function CourseHandOff({ courses }: { courses: readonly ScormCourseRow[] }) {
  const { t, i18n } = useTranslation();
  const { ipc, ports } = useServices();
  const { guard } = useInstructor();
  const dispatches = useLiveQuery(() => listDispatches(ports), [ports]);
  const [lan, setLan] = useState<ScormLanStatus | null>(null);
  const [port, setPort] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<Link | null>(null);
  const [courseId, setCourseId] = useState('');
  const [label, setLabel] = useState('');
  const [destination, setDestination] = useState('');

  useEffect(() => {
    let live = true;
    void ipc.invoke('scorm-lan:status', {}).then((status) => {
      if (!live || !status.ok) return;
      setLan(status.value);
      setPort(String(status.value.port));
    });
    return () => {
      live = false;
    };
  }, [ipc]);

  const origin = lan?.listening ? (lan.origins[0] ?? null) : null;
  const urlOf = (handle: string) => (origin ? `${origin}/player/dispatch/${handle}` : null);

  async function configure(enabled: boolean) {
    setProblem(null);
    const wanted = Number(port);
    const valid = Number.isInteger(wanted) && wanted >= 1024 && wanted <= 65_535;
    if (!valid) return setProblem(t('courses.handoff.badPort'));
    const answer = await ipc.invoke('scorm-lan:configure', { enabled, port: wanted });
    if (answer.ok) setLan(answer.value);
    else setProblem(answer.error.message);
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const course = courses.find((c) => c.id === courseId);
    if (!course || !label.trim() || !destination.trim()) return setProblem(t('courses.handoff.missing'));
    const created = await createDispatch(ports, guard, course.id, label.trim().slice(0, 200), destination.trim().slice(0, 200)).catch((error: unknown) => {
      setProblem(error instanceof Error ? error.message : String(error));
      return undefined;
    });
    if (created === undefined) return;
    if (!created) return setProblem(t('courses.handoff.courseGone'));
    setLink({ title: course.title, url: urlOf(created.handle) });
    setLabel('');
    setDestination('');
  }

  async function rotate(id: string, title: string) {
    const rotated = await rotateDispatch(ports, guard, id);
    if (rotated) setLink({ title, url: urlOf(rotated.handle) });
  }

  const titleOf = (packageId: string) => courses.find((c) => c.id === packageId)?.title ?? packageId;
  const when = (iso: string) => dateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section aria-labelledby="course-handoff-title" className="card" data-testid="course-handoff">
      <h3 id="course-handoff-title">{t('courses.handoff.title')}</h3>
      <p>{t('courses.handoff.intro')}</p>
      <div role="group" aria-label={t('courses.handoff.sharing')}>
        <p role="status" data-testid="lan-status">
          {!lan
            ? t('courses.handoff.unknown')
            : lan.listening
              ? t('courses.handoff.on', { origins: lan.origins.join(', ') })
              : lan.enabled
                ? t('courses.handoff.failed', { code: lan.error ?? '' })
                : t('courses.handoff.off')}
        </p>
        <label className="field">
          <span>{t('courses.handoff.port')}</span>
          <input inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} placeholder={String(LAN_LIMITS.defaultPort)} />
        </label>
        {lan?.enabled ? (
          <button type="button" onClick={() => void configure(false)}>
            {t('courses.handoff.turnOff')}
          </button>
        ) : (
          <button type="button" onClick={() => void configure(true)}>
            {t('courses.handoff.turnOn')}
          </button>
        )}
      </div>

      <form onSubmit={(event) => void create(event)} aria-label={t('courses.handoff.create')}>
        <label className="field">
          <span>{t('courses.handoff.course')}</span>
          <select value={courseId} onChange={(event) => setCourseId(event.target.value)}>
            <option value="">{t('courses.handoff.chooseCourse')}</option>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('courses.handoff.label')}</span>
          <input value={label} maxLength={200} onChange={(event) => setLabel(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('courses.handoff.destination')}</span>
          <input value={destination} maxLength={200} onChange={(event) => setDestination(event.target.value)} />
        </label>
        <button type="submit">{t('courses.handoff.create')}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {link && (
        <div role="status" data-testid="dispatch-link">
          {link.url ? (
            <>
              <p>{t('courses.handoff.linkFor', { title: link.title })}</p>
              <input readOnly value={link.url} aria-label={t('courses.handoff.linkLabel')} onFocus={(event) => event.target.select()} />
              <p>{t('courses.handoff.learnerHint')}</p>
            </>
          ) : (
            <p>{t('courses.handoff.noLink')}</p>
          )}
        </div>
      )}

      {dispatches && dispatches.length > 0 && (
        <table className="table" data-testid="dispatch-table">
          <thead>
            <tr>
              <th>{t('courses.handoff.course')}</th>
              <th>{t('courses.handoff.label')}</th>
              <th>{t('courses.handoff.destination')}</th>
              <th>{t('courses.handoff.created')}</th>
              <th>{t('courses.library.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {dispatches.map((dispatch) => (
              <tr key={dispatch.id}>
                <td>{titleOf(dispatch.package_id)}</td>
                <td>{dispatch.label}</td>
                <td>{dispatch.destination}</td>
                <td>{when(dispatch.created_at)}</td>
                <td>
                  {dispatch.revoked_at ? (
                    t('courses.handoff.revoked')
                  ) : (
                    <>
                      <button type="button" onClick={() => void rotate(dispatch.id, titleOf(dispatch.package_id))} aria-label={t('courses.handoff.rotateLabel', { label: dispatch.label })}>
                        {t('courses.handoff.rotate')}
                      </button>
                      <button type="button" className="danger" onClick={() => void revokeDispatch(ports, guard, dispatch.id)} aria-label={t('courses.handoff.revokeLabel', { label: dispatch.label })}>
                        {t('courses.handoff.revoke')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
