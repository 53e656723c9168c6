import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import type { VrPackageRow } from '../db/rows';
import { installState } from './install-state';
import { UninstallButton } from './uninstall-button';
import type { InstallState } from './install-state';

function StateText({ state }: { state: InstallState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'older':
    case 'newer':
      return <>{t(`headsets.install.${state.kind}`, { installed: state.installed, library: state.library })}</>;
    default:
      return <>{t(`headsets.install.${state.kind}`)}</>;
  }
}

/** Each library app with an APK, as this headset has it; hand-added packages have no versionCode to compare. */
export function InstalledApps({ headset, packages }: { headset: Headset; packages: readonly VrPackageRow[] }) {
  const { t } = useTranslation();
  const comparable = packages.filter((p) => p.package_name);
  if (comparable.length === 0) return null;
  return (
    <ul className="installed" aria-label={t('headsets.apps')}>
      {comparable.map((pkg) => {
        const state = installState(headset, pkg);
        return (
          <li key={pkg.id} data-install={state.kind}>
            <span>{pkg.title}</span> <span className={`install install-${state.kind}`}>
              <StateText state={state} />
            </span>
            {headset.state === 'device' && pkg.package_name && (state.kind === 'upToDate' || state.kind === 'older' || state.kind === 'newer') && (
              <> <UninstallButton serial={headset.serial} packageName={pkg.package_name} title={pkg.title} /></>
            )}
          </li>
        );
      })}
    </ul>
  );
}
