import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { signInRoster } from '../data/current-class';
import type { RosterEntry } from '../data/roster';
import { filterLearners, sortLearners } from '../data/roster-order';
import { useLearnerSession } from './learner-session-context';
import type { SignInOutcome } from './learner-session-context';
import { PinPrompt } from './pin-prompt';

/** Enough buttons to scan by eye; a bigger class types a few letters instead. */
export const MAX_NAMES_SHOWN = 200;

type SignInError = Extract<SignInOutcome, { ok: false }>['reason'];

export function RosterPicker({ onSignedIn }: { onSignedIn?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const { ports } = useServices();
  const { signIn } = useLearnerSession();
  // The class the kiosk shows (chosen by the instructor), or the whole roster when none is chosen.
  const learners = useLiveQuery(() => signInRoster(ports), [ports]);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<RosterEntry | null>(null);
  const [error, setError] = useState<SignInError | null>(null);
  const sorted = useMemo(() => sortLearners(learners ?? [], i18n.language), [learners, i18n.language]);
  const matching = filterLearners(sorted, query);

  async function pick(learner: RosterEntry) {
    setError(null);
    if (learner.has_pin) {
      setPicked(learner);
      return;
    }
    const outcome = await signIn(learner.id, null);
    if (outcome.ok) onSignedIn?.();
    else setError(outcome.reason);
  }

  if (learners === undefined) return null;
  if (learners.length === 0) return <p>{t('signIn.noRoster')}</p>;
  if (picked) return <PinPrompt learner={picked} onCancel={() => setPicked(null)} onSignedIn={onSignedIn} />;
  return (
    <div className="roster-picker">
      <p className="hint">{t('signIn.intro')}</p>
      <label className="search">
        <span>{t('signIn.search')}</span>
        <input type="search" name="learner-search" value={query} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
      </label>
      {matching.length === 0 && <p>{t('signIn.noMatch', { query })}</p>}
      {matching.length > MAX_NAMES_SHOWN && <p className="hint">{t('signIn.showingFirst', { shown: MAX_NAMES_SHOWN, total: matching.length })}</p>}
      <ul className="roster" aria-label={t('signIn.listLabel')}>
        {matching.slice(0, MAX_NAMES_SHOWN).map((learner) => (
          <li key={learner.id}>
            <button type="button" onClick={() => void pick(learner)}>
              {learner.display_name}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{t(`signIn.errors.${error}`)}</p>}
    </div>
  );
}
