import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import { useServices } from '../ui/services-context';
import type { VrPackageRow } from '../db/rows';
import { installOnAll } from './bulk-install';
import { BulkSummary } from './bulk-summary';
import type { InstallOutcome } from './bulk-install';
import type { SessionAssignments } from './install-plan';
import { LaunchResults } from './launch-results';
import { launchOnAll, launchTargets } from './launch-on-all';
import type { HeadsetLaunch } from './launch-on-all';

interface BulkActionsProps {
  readonly packages: readonly VrPackageRow[];
  readonly chosen: VrPackageRow | null;
  readonly onChoose: (packageId: string | null) => void;
  readonly headsets: readonly Headset[];
  readonly assignments: SessionAssignments;
  /** The instructor's headset names by serial, for the summary after an install. */
  readonly names?: ReadonlyMap<string, string>;
}

type LaunchState = { kind: 'running' } | { kind: 'noPackageName' | 'noTargets' } | { kind: 'done'; results: HeadsetLaunch[] };

/** The whole cart at once: pick a library package, then install it on, or start it on, every headset. */
export function BulkActions({ packages, chosen, onChoose, headsets, assignments, names = new Map() }: BulkActionsProps) {
  const { t } = useTranslation();
  const { ipc, ports } = useServices();
  const [install, setInstall] = useState<InstallOutcome | 'running' | null>(null);
  const [launch, setLaunch] = useState<LaunchState | null>(null);

  function choose(packageId: string) {
    setInstall(null);
    setLaunch(null);
    onChoose(packageId || null);
  }

  async function installAll(pkg: VrPackageRow) {
    setInstall('running');
    setInstall(await installOnAll(ipc, pkg, headsets, assignments, () => crypto.randomUUID()));
  }

  async function launchAll(pkg: VrPackageRow) {
    if (!pkg.package_name) return setLaunch({ kind: 'noPackageName' });
    if (launchTargets(pkg.package_name, headsets).length === 0) return setLaunch({ kind: 'noTargets' });
    setLaunch({ kind: 'running' });
    setLaunch({ kind: 'done', results: await launchOnAll(ipc, ports, pkg, headsets, assignments) });
  }

  const title = chosen?.title ?? '';
  return (
    <div className="card bulk">
      <h2>{t('headsets.bulk.title')}</h2>
      <label className="field">
        <span>{t('headsets.bulk.package')}</span>
        <select value={chosen?.id ?? ''} onChange={(event) => choose(event.target.value)}>
          <option value="">{t('headsets.bulk.choose')}</option>
          {packages.map((p) => (
            <option key={p.id} value={p.id}>
              {t('headsets.bulk.option', { title: p.title, version: p.version })}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" disabled={!chosen || install === 'running'} onClick={() => chosen && void installAll(chosen)}>
          {t('headsets.bulk.install')}
        </button>
        <button type="button" disabled={!chosen || launch?.kind === 'running'} onClick={() => chosen && void launchAll(chosen)}>
          {t('headsets.bulk.launch')}
        </button>
      </div>
      {install === 'running' && <p role="status">{t('headsets.bulk.starting')}</p>}
      {install !== null && install !== 'running' && install.kind === 'started' && (
        <p role="status">
          {t('headsets.bulk.started', { count: install.count })}
          {install.skipped.length > 0 && ` ${t('headsets.bulk.leftOut', { list: install.skipped.map((h) => h.model ?? h.serial).join(', ') })}`}
        </p>
      )}
      {install !== null && install !== 'running' && install.kind === 'started' && <BulkSummary jobIds={install.jobIds} leftOut={install.skipped} names={names} />}
      {install !== null && install !== 'running' && install.kind !== 'started' && (
        <p role="alert">{install.kind === 'failed' ? t('headsets.bulk.failed', { reason: install.message }) : t(`headsets.bulk.${install.kind}`, { title })}</p>
      )}
      {launch?.kind === 'running' && <p role="status">{t('headsets.bulk.launching')}</p>}
      {(launch?.kind === 'noPackageName' || launch?.kind === 'noTargets') && <p role="alert">{t(`headsets.bulk.${launch.kind}`, { title })}</p>}
      {launch?.kind === 'done' && <LaunchResults results={launch.results} headsets={headsets} />}
    </div>
  );
}
