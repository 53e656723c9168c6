import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import type { VrPackageRow } from '../db/rows';
import { useServices } from '../ui/services-context';
import { installOnAll } from './bulk-install';
import type { InstallOutcome } from './bulk-install';
import { launchOnAll, launchTargets } from './launch-on-all';
import type { HeadsetLaunch } from './launch-on-all';
import { LaunchResults } from './launch-results';

type Launch = { kind: 'running' } | { kind: 'notInstalled' } | { kind: 'done'; results: HeadsetLaunch[] };

/**
 * Today's app on this one headset: install it (the same checks and progress as *Install on all*; the job
 * shows on the card) or start it (confirmed only once it is in front), for the learner who needs a hand
 * without touching the rest of the cart.
 */
export function HeadsetActions({ headset, pkg, assigned }: { headset: Headset; pkg: VrPackageRow; assigned: string | null }) {
  const { t } = useTranslation();
  const { ipc, ports } = useServices();
  const [install, setInstall] = useState<InstallOutcome | 'running' | null>(null);
  const [launch, setLaunch] = useState<Launch | null>(null);
  const assignments = assigned ? { [headset.serial]: assigned } : {};
  const installed = pkg.package_name ? launchTargets(pkg.package_name, [headset]).length > 0 : false;

  async function installHere() {
    setLaunch(null);
    setInstall('running');
    setInstall(await installOnAll(ipc, pkg, [headset], assignments, () => crypto.randomUUID()));
  }

  async function launchHere() {
    setInstall(null);
    if (!installed) return setLaunch({ kind: 'notInstalled' });
    setLaunch({ kind: 'running' });
    setLaunch({ kind: 'done', results: await launchOnAll(ipc, ports, pkg, [headset], assignments) });
  }

  const title = pkg.title;
  return (
    <div className="actions headset-actions">
      <button type="button" disabled={install === 'running'} onClick={() => void installHere()}>
        {t('headsets.one.install', { title })}
      </button>
      <button type="button" disabled={launch?.kind === 'running'} onClick={() => void launchHere()}>
        {t('headsets.one.launch', { title })}
      </button>
      {install !== null && install !== 'running' && install.kind === 'started' && install.count === 0 && install.skipped.length > 0 && (
        <p role="alert">{t('headsets.one.skipped', { title })}</p>
      )}
      {install !== null && install !== 'running' && install.kind !== 'started' && (
        <p role="alert">{install.kind === 'failed' ? t('headsets.bulk.failed', { reason: install.message }) : t(`headsets.bulk.${install.kind}`, { title })}</p>
      )}
      {launch?.kind === 'notInstalled' && <p role="alert">{t('headsets.one.notInstalled', { title })}</p>}
      {launch?.kind === 'done' && <LaunchResults results={launch.results} headsets={[headset]} />}
    </div>
  );
}
