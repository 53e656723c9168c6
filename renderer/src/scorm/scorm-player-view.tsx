import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import type { SignedInLearner } from '../auth/learner-session-storage';
import type { ScormCourseRow } from '../db/schema-v7';
import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import { CourseContents } from './course-contents';
import { PendingCommits } from './pending-commits';
import { PlayerHost } from './player-host';
import type { PlayerNavigation } from './player-host';

interface Props {
  readonly course: ScormCourseRow;
  readonly sessionId: string;
  readonly launchUrl: string;
  readonly learner: SignedInLearner;
  readonly onClose: () => void;
}

/**
 * The course, full window: a table of contents, previous/next, and Exit, which has the course commit
 * before the player closes. What the buttons and the contents may do comes from the player's navigator
 * (SCORM 2004 sequencing: control modes, rules, limits), so a refused request is never offered. The frame is sandboxed (no popups, no top navigation, no downloads) and shows
 * the course's own origin; the only link to it is PlayerHost's checked messages.
 */
export function ScormPlayerView({ course, sessionId, launchUrl, learner, onClose }: Props) {
  const { t } = useTranslation();
  const { ports } = useServices();
  const frame = useRef<HTMLIFrameElement>(null);
  const [item, setItem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const [navigation, setNavigation] = useState<PlayerNavigation | null>(null);
  const host = useRef<PlayerHost | null>(null);
  const multi = useMemo(() => launchableItems(playedOrganization(course).items).length > 1, [course]);
  useEffect(() => {
    const player = new PlayerHost({
      ports,
      course,
      sessionId,
      learner,
      origin: new URL(launchUrl).origin,
      shell: () => frame.current?.contentWindow ?? null,
      onItem: setItem,
      onError: setError,
      onNavigation: setNavigation,
      // The course asked to exit (or has nothing left to play): same as the learner pressing Exit.
      onFinished: () => void player.exit().then(onClose),
      newId: () => crypto.randomUUID(),
      pending: new PendingCommits(window.localStorage, sessionId),
    });
    host.current = player;
    window.addEventListener('message', player.onMessage);
    return () => window.removeEventListener('message', player.onMessage);
  }, [ports, course, sessionId, learner, launchUrl, onClose]);

  // A dialog takes the focus when it opens (the Start button that opened it is gone with the list).
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  const leavingRef = useRef(false);
  const exit = useCallback(async () => {
    if (leavingRef.current) return;
    leavingRef.current = true;
    setLeaving(true);
    await host.current?.exit();
    onClose();
  }, [onClose]);
  // Escape is the Exit button (the course commits first). Keys pressed inside the course's frame stay in the
  // frame (another origin), so Escape works from the player's bar and contents; Exit is always there.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      void exit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exit]);

  return (
    <div ref={dialog} tabIndex={-1} className="scorm-player" role="dialog" aria-label={course.title} aria-busy={navigation?.busy === true} data-testid="scorm-player">
      <header className="scorm-player-bar">
        <strong>{course.title}</strong>
        {/* An item whose hideLMSUI names previous / continue offers its own: the player's are not shown. */}
        {!navigation?.hidden.previous && (
          <button type="button" onClick={() => void host.current?.step(-1)} disabled={leaving || !navigation?.previous}>
            {t('courses.player.previous')}
          </button>
        )}
        {!navigation?.hidden.next && (
          <button type="button" onClick={() => void host.current?.step(1)} disabled={leaving || !navigation?.next}>
            {t('courses.player.next')}
          </button>
        )}
        <button type="button" className="primary" data-testid="scorm-exit" onClick={() => void exit()} disabled={leaving}>
          {leaving ? t('courses.player.exiting') : t('courses.player.exit')}
        </button>
      </header>
      {error && <p role="alert">{error === 'TOO_MANY_LAUNCHES' ? t('courses.sequencing.tooManyLaunches') : t('courses.player.error', { code: error })}</p>}
      {navigation?.stuck && (
        <p role="status" data-testid="scorm-stuck">
          {multi && (navigation.choosable === 'all' || navigation.choosable.size > 0) ? t('courses.sequencing.chooseFromContents') : t('courses.sequencing.nothingToOpen')}
        </p>
      )}
      <div className="scorm-player-body">
        {multi && <CourseContents course={course} current={item} choosable={leaving ? new Set() : (navigation?.choosable ?? new Set())} onChoose={(id) => void host.current?.choose(id)} />}
        <iframe
          ref={frame}
          title={course.title}
          src={launchUrl}
          data-testid="scorm-frame"
          sandbox="allow-scripts allow-same-origin allow-forms allow-modals"
          allow="fullscreen; autoplay"
          referrerPolicy="no-referrer"
        />
      </div>
    </div>
  );
}
