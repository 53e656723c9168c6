import { useEffect, useRef, useState } from 'react';
import { useInstructor } from '../auth/instructor-context';
import { useLearnerSession } from '../auth/learner-session-context';
import { clearDraft, loadDraft, saveDraft } from '../data/drafts';
import { useServices } from '../ui/services-context';

/** Typing is saved this long after the last key, and at once when the form goes away. */
const SAVE_DELAY_MS = 400;

/** The instructor's drafts are kept under this owner (learners' under their own ids). */
export const INSTRUCTOR_DRAFT_OWNER = 'instructor';

/**
 * Keeps an open form's text as its owner's draft — the signed-in learner, or the instructor for the
 * instructor's forms: restored once when the form opens (the caller's `restore` puts it back in its
 * fields), saved as they type, cleared by `discard` after a submit. Never use it for secrets (PINs, tokens).
 */
export function useDraft(formKey: string, values: Record<string, string>, restore: (values: Record<string, string>) => void, owner: 'learner' | 'instructor' = 'learner') {
  const { ports } = useServices();
  const learnerId = useLearnerSession().session?.learner.id ?? null;
  const instructor = useInstructor().status?.signed_in === true;
  const userId = owner === 'learner' ? learnerId : instructor ? INSTRUCTOR_DRAFT_OWNER : null;
  const [restored, setRestored] = useState(false);
  const latest = useRef(values);
  const loaded = useRef(false);
  // What was just submitted: not a draft any more, even while it still sits in the fields.
  const submitted = useRef<string | null>(null);
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
      if (loaded.current && JSON.stringify(latest.current) !== submitted.current) void saveDraft(ports, userId, formKey, latest.current);
    };
  }, [ports, userId, formKey]);

  const serialised = JSON.stringify(values);
  useEffect(() => {
    if (!userId || !loaded.current || serialised === submitted.current) return;
    const timer = setTimeout(() => void saveDraft(ports, userId, formKey, JSON.parse(serialised) as Record<string, string>), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ports, userId, formKey, serialised]);

  return {
    restored,
    discard: async () => {
      submitted.current = JSON.stringify(latest.current);
      if (userId) await clearDraft(ports, userId, formKey);
    },
  };
}
