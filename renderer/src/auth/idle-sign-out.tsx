import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_IDLE_SIGN_OUT_MINUTES } from '../../../shared/settings';
import { useSettings } from '../ui/use-settings';
import { IdleTimer, systemAfter } from './idle-timer';
import { useInstructor } from './instructor-context';
import { useLearnerSession } from './learner-session-context';

/** The countdown's length: long enough to notice and reach the screen, short of the whole wait. */
const WARN_MS = 30_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Signs whoever is at the kiosk out after the configured idle time, so the next learner never records
 * under a classmate's name. The last seconds show a countdown with "I'm still here". Forms keep what was
 * typed as a draft for the same learner (see data/drafts.ts); an instructor's cart jobs run on in main.
 */
export function IdleSignOut() {
  const { t } = useTranslation();
  const settings = useSettings();
  const { session, signOut } = useLearnerSession();
  const instructor = useInstructor();
  const [remainingMs, setRemainingMs] = useState<number | null>(null);
  const active = session !== null || instructor.status?.signed_in === true;
  const timeoutMs = (settings?.idleSignOutMinutes ?? DEFAULT_IDLE_SIGN_OUT_MINUTES) * 60_000;
  const timerRef = useRef<IdleTimer | null>(null);
  // The latest sign-out functions, without restarting the timer each time their identity changes.
  const endRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    endRef.current = () => {
      void signOut();
      if (instructor.status?.signed_in) void instructor.signOut();
    };
  });

  useEffect(() => {
    if (!active) return;
    const timer = new IdleTimer({
      timeoutMs,
      warnMs: Math.min(WARN_MS, timeoutMs / 2),
      after: systemAfter,
      now: () => Date.now(),
      onCountdown: setRemainingMs,
      onResume: () => setRemainingMs(null),
      onExpire: () => {
        setRemainingMs(null);
        endRef.current();
      },
    });
    timerRef.current = timer;
    timer.start();
    const onActivity = () => timer.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      timer.stop();
      timerRef.current = null;
      setRemainingMs(null);
    };
  }, [active, timeoutMs]);

  if (remainingMs === null) return null;
  const seconds = Math.ceil(remainingMs / 1000);
  return (
    <div className="idle-overlay">
      <div role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text" className="card idle-dialog">
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-text" aria-live="polite">
          {t('idle.countdown', { count: seconds })}
        </p>
        <button type="button" autoFocus onClick={() => timerRef.current?.activity()}>
          {t('idle.stillHere')}
        </button>
      </div>
    </div>
  );
}
