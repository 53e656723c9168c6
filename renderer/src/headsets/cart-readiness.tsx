import { useTranslation } from 'react-i18next';
import type { Headset } from '../../../shared/headsets/headset';
import { READINESS_ISSUES, cartReadiness, readinessIssues } from '../../../shared/headsets/readiness';
import type { TodaysApp } from '../../../shared/headsets/readiness';
import type { VrPackageRow } from '../db/rows';

export function todaysApp(pkg: VrPackageRow | null): TodaysApp | null {
  if (!pkg) return null;
  const obb = (pkg.obb_files ?? []).reduce((sum, file) => sum + file.size_bytes, 0);
  return { package_name: pkg.package_name ?? null, version_code: pkg.version_code ?? null, bytes: (pkg.apk_size_bytes ?? 0) + obb };
}

/** Before class: one line for the whole cart, then each headset that is not ready and why. */
export function CartReadiness({ headsets, chosen, names }: { headsets: readonly Headset[]; chosen: VrPackageRow | null; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (headsets.length === 0) return null;
  const app = todaysApp(chosen);
  const summary = cartReadiness(headsets, app);
  const parts = READINESS_ISSUES.filter((issue) => summary.issues[issue] > 0).map((issue) => t(`headsets.readiness.count.${issue}`, { count: summary.issues[issue] }));
  const notReady = headsets.flatMap((headset) => {
    const issues = readinessIssues(headset, app);
    return issues.length === 0 ? [] : [{ headset, issues }];
  });
  return (
    <section className="card readiness" aria-labelledby="readiness-title">
      <h2 id="readiness-title">{t('headsets.readiness.title')}</h2>
      <p role="status" data-testid="cart-readiness">
        {chosen ? t('headsets.readiness.readyFor', { ready: summary.ready, total: headsets.length, title: chosen.title }) : t('headsets.readiness.ready', { ready: summary.ready, total: headsets.length })}
        {parts.length > 0 && ` · ${parts.join(' · ')}`}
      </p>
      {notReady.length > 0 && (
        <ul>
          {notReady.map(({ headset, issues }) => (
            <li key={headset.serial}>
              {t('headsets.readiness.entry', { name: names.get(headset.serial) ?? headset.model ?? headset.serial, serial: headset.serial, issues: issues.map((issue) => t(`headsets.readiness.issue.${issue}`)).join(', ') })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
