import { useEffect, useRef, useState } from 'react';
import { useLearnerSession } from '../auth/learner-session-context';
import { clearDraft, loadDraft, saveDraft } from '../data/drafts';
import { useServices } from './services-context';

/** Typing is saved this long after the last key, and at once when the form goes away. */
const SAVE_DELAY_MS = 400;

/**
 * Keeps an open form's text as the signed-in learner's draft: restored once when the form opens (the
 * caller's `restore` puts it back in its fields), saved as they type, cleared by `discard` after a submit.
 */
export function useDraft(formKey: string, values: Record<string, string>, restore: (values: Record<string, string>) => void) {
  const { ports } = useServices();
  const userId = useLearnerSession().session?.learner.id ?? null;
  const [restored, setRestored] = useState(false);
  const latest = useRef(values);
  const loaded = useRef(false);
  const restoreRef = useRef(restore);
  useEffect(() => {
    latest.current = values;
    restoreRef.current = restore;
  });

  useEffect(() => {
    if (!userId) return;
    let live = true;
    void loadDraft(ports, userId, formKey).then((draft) => {
      if (!live) return;
      loaded.current = true;
      if (draft) {
        restoreRef.current(draft);
        setRestored(true);
      }
    });
    return () => {
      live = false;
      // Whatever is in the fields when the form closes (sign-out included) is kept.
      if (loaded.current) void saveDraft(ports, userId, formKey, latest.current);
    };
  }, [ports, userId, formKey]);

  const serialised = JSON.stringify(values);
  useEffect(() => {
    if (!userId || !loaded.current) return;
    const timer = setTimeout(() => void saveDraft(ports, userId, formKey, JSON.parse(serialised) as Record<string, string>), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ports, userId, formKey, serialised]);

  return {
    restored,
    discard: async () => {
      loaded.current = false;
      if (userId) await clearDraft(ports, userId, formKey);
    },
  };
}
