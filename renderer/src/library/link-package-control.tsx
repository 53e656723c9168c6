import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { linkPackageAsInstructor } from '../data/vr-package-link';
import type { VrPackageRow } from '../db/rows';

type Failure = { kind: 'failed'; reason: string } | null;

/**
 * A package imported here that the API does not know keeps its learners' sessions on the kiosk. Once the
 * instructor says which package of the API's catalog it is, those sessions are sent under that package.
 */
interface LinkPackageControlProps {
  readonly pkg: VrPackageRow;
  readonly remotePackages: readonly VrPackageRow[];
  /** A successful link replaces this row (the local package goes), so the page tells the outcome. */
  readonly onLinked: (released: number) => void;
}

export function LinkPackageControl({ pkg, remotePackages, onLinked }: LinkPackageControlProps) {
  const { t } = useTranslation();
  const { ports } = useServices();
  const { guard } = useInstructor();
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<Failure>(null);
  const label = t('library.link.label', { title: pkg.title });

  async function link() {
    try {
      const result = await linkPackageAsInstructor(ports, guard, pkg.id, target);
      if (result.ok) onLinked(result.released);
      else setOutcome({ kind: 'failed', reason: t(`library.link.errors.${result.error}`) });
    } catch (error) {
      setOutcome({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  }

  if (remotePackages.length === 0) return <span className="hint">{t('library.link.noneKnown')}</span>;
  return (
    <div className="link-package">
      <select aria-label={label} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">{t('library.link.choose')}</option>
        {remotePackages.map((remote) => (
          <option key={remote.id} value={remote.id}>
            {t('library.link.option', { title: remote.title, version: remote.version })}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" disabled={target === ''} onClick={() => void link()}>
        {t('library.link.button')}
      </button>
      {outcome?.kind === 'failed' && <span role="alert">{outcome.reason}</span>}
    </div>
  );
}
