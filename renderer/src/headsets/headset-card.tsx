import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { batteryTooLow } from '../../../shared/headsets/battery';
import type { Headset } from '../../../shared/headsets/headset';
import { HEADSET_RULE, storageLevel } from '../../../shared/storage/disk-space';
import type { VrPackageRow } from '../db/rows';
import { formatBytes, formatPercent } from '../i18n/format-bytes';
import { HeadsetActions } from './headset-actions';
import { HeadsetNameForm } from './headset-name-form';
import { InstalledApps } from './installed-apps';
import { JobStatus } from './job-status';
import { SessionAssignSelect } from './session-assign-select';
import type { OpenSession } from './use-open-sessions';
import { useLatestJob } from './use-headsets';


export interface HeadsetCardProps {
  readonly headset: Headset;
  readonly packages: readonly VrPackageRow[];
  readonly chosen: VrPackageRow | null;
  readonly sessions: readonly OpenSession[];
  readonly assigned: string | null;
  readonly taken: ReadonlySet<string>;
  readonly onAssign: (sessionId: string | null) => void;
  /** The instructor's name for this headset, kept by serial; null when it has none. */
  readonly name?: string | null;
}

export function HeadsetCard({ headset, packages, chosen, sessions, assigned, taken, onAssign, name = null }: HeadsetCardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const job = useLatestJob(headset.serial);
  const locale = i18n.language;
  const battery = headset.battery_level;
  // The same threshold main refuses installs under, so the warning means exactly that.
  const low = batteryTooLow(battery);
  const jobTitle = packages.find((p) => p.id === job?.package_id)?.title ?? t('headsets.job.unknownPackage');
  return (
    <article className="card headset" aria-labelledby={`${id}-model ${id}-serial`} data-state={headset.state}>
      <header className="headset-head">
        <h2 id={`${id}-model`}>{name ?? headset.model ?? t('headsets.unknownModel')}</h2>
        <span className={`status status-${headset.state}`}>{t(`headsets.state.${headset.state}`)}</span>
      </header>
      {headset.state === 'unauthorized' && <p className="notice">{t('headsets.help.unauthorized')}</p>}
      {headset.state === 'offline' && <p className="notice">{t('headsets.help.offline')}</p>}
      {headset.state === 'no_permissions' && <p className="notice">{t('headsets.help.no_permissions')}</p>}
      <dl className="facts">
        <dt>{t('headsets.facts.serial')}</dt>
        <dd id={`${id}-serial`}>{headset.serial}</dd>
        <dt>{t('headsets.facts.battery')}</dt>
        <dd className={low ? 'warn' : undefined}>
          {battery === null ? t('headsets.unknown') : low ? t('headsets.batteryLow', { percent: formatPercent(battery, locale) }) : formatPercent(battery, locale)}
        </dd>
        <dt>{t('headsets.facts.storage')}</dt>
        <dd>
          {headset.free_bytes === null
            ? t('headsets.unknown')
            : headset.total_bytes === null
              ? t('headsets.storageFree', { free: formatBytes(headset.free_bytes, locale) })
              : t('headsets.storage', { free: formatBytes(headset.free_bytes, locale), total: formatBytes(headset.total_bytes, locale) })}
        </dd>
      </dl>
      {headset.free_bytes !== null && storageLevel(headset.free_bytes, headset.total_bytes ?? 0, HEADSET_RULE) !== 'ok' && (
        // Whatever the next app: a nearly full headset (shared/storage/disk-space.ts); readiness separately checks room for today's app.
        <p className="notice warn" data-testid="headset-storage-low">
          {t(storageLevel(headset.free_bytes, headset.total_bytes ?? 0, HEADSET_RULE) === 'critical' ? 'storage.headset.critical' : 'storage.headset.low', { free: formatBytes(headset.free_bytes, locale) })}
        </p>
      )}
      <HeadsetNameForm serial={headset.serial} name={name} />
      <InstalledApps headset={headset} packages={packages} />
      {chosen && headset.state === 'device' && sessions.length > 0 && (
        <SessionAssignSelect packageTitle={chosen.title} sessions={sessions} value={assigned} taken={taken} onChange={onAssign} />
      )}
      {chosen && headset.state === 'device' && <HeadsetActions headset={headset} pkg={chosen} assigned={assigned} />}
      {job && <JobStatus job={job} title={jobTitle} />}
    </article>
  );
}
