import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { confirmProposedRemovals, keepProposedLearners, latestCatalogPull, undoLastCatalogPull } from '../data/catalog';
import { rosterEntries } from '../data/roster';
import { formatDateTime } from '../i18n/format';

type Outcome = { kind: 'removed' | 'kept' | 'undone'; count: number } | { kind: 'failed'; message: string } | null;

/**
 * What the last catalog pull changed: learners it would remove wait here for the instructor, and the
 * whole pull can be undone. A pull never deletes anyone by itself.
 */
export function CatalogReview() {
  const { t, i18n } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const pull = useLiveQuery(() => latestCatalogPull(ports), [ports]);
  const pending = pull?.removals === 'pending' ? pull.proposed_removals : [];
  const names = useLiveQuery(() => rosterEntries(ports, pending), [ports, pending.join(',')]);

  async function act(kind: 'removed' | 'kept' | 'undone') {
    try {
      if (kind === 'undone') {
        if (!window.confirm(t('catalogReview.undoConfirm'))) return;
        setOutcome({ kind, count: (await undoLastCatalogPull(ports, guard))?.restored ?? 0 });
      } else if (pull?.seq !== undefined) {
        const count = kind === 'removed' ? await confirmProposedRemovals(ports, guard, pull.seq) : await keepProposedLearners(ports, guard, pull.seq);
        setOutcome({ kind, count });
      }
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  if (!pull) return null;
  return (
    <div className="form card" data-testid="catalog-review">
      <h2>{t('catalogReview.title')}</h2>
      <p className="hint">{t('catalogReview.lastPull', { when: formatDateTime(pull.at, i18n.language), count: pull.changes.length })}</p>
      {pending.length > 0 && (
        <div role="alert" className="problems">
          <p>{t('catalogReview.proposed', { count: pending.length })}</p>
          <ul>{names?.map((entry) => <li key={entry.id}>{entry.display_name}</li>)}</ul>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void act('removed')}>
              {t('catalogReview.remove', { count: pending.length })}
            </button>
            <button type="button" className="secondary" onClick={() => void act('kept')}>
              {t('catalogReview.keep')}
            </button>
          </div>
        </div>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void act('undone')}>
          {t('catalogReview.undo')}
        </button>
      </div>
      {outcome && outcome.kind !== 'failed' && <p role="status">{t(`catalogReview.done.${outcome.kind}`, { count: outcome.count })}</p>}
      {outcome?.kind === 'failed' && <p role="alert">{outcome.message}</p>}
    </div>
  );
}
