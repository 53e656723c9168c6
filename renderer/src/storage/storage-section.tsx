import { useTranslation } from 'react-i18next';
import { BROWSER_QUOTA_RULE, storageLevel } from '../../../shared/storage/disk-space';
import type { StorageLevel } from '../../../shared/storage/disk-space';
import { formatBytes } from '../i18n/format-bytes';
import { ProgressBar } from '../ui/progress-bar';
import { useStorageStatus } from './use-storage-status';
import type { StorageStatus } from './use-storage-status';

function Warning({ level, low, critical }: { level: StorageLevel; low: string; critical: string }) {
  if (level === 'ok') return null;
  return (
    <p role="alert" className={level === 'critical' ? 'error' : 'warning'} data-level={level}>
      {level === 'critical' ? critical : low}
    </p>
  );
}

/**
 * Settings: where the kiosk keeps its data and how much room is left: the browser's storage for the app's
 * database (persistent or not, used of quota) and the disk of main's data folder (APKs, courses). Warns before
 * either runs out (shared/storage/disk-space.ts).
 */
export function StorageSection() {
  const status = useStorageStatus();
  return <StorageFacts status={status} onAskPersistence={() => void status.askPersistence()} />;
}

/** What StorageSection shows for one reading (rendered on its own by the tests). */
export function StorageFacts({ status, onAskPersistence }: { status: StorageStatus; onAskPersistence: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const bytes = (n: number) => formatBytes(n, locale);
  const quotaLevel = status.quota ? storageLevel(status.quota.quota - status.quota.usage, status.quota.quota, BROWSER_QUOTA_RULE) : 'ok';

  return (
    <section className="card storage" aria-labelledby="storage-title" data-testid="storage-section">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {!status.loaded ? (
        <p>{t('storage.loading')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('storage.persistence.label')}</dt>
          <dd data-testid="storage-persisted">{t(status.persisted === true ? 'storage.persistence.granted' : status.persisted === false ? 'storage.persistence.refused' : 'storage.persistence.unknown')}</dd>
          <dt>{t('storage.database.label')}</dt>
          <dd data-testid="storage-quota">{status.quota ? t('storage.database.value', { used: bytes(status.quota.usage), quota: bytes(status.quota.quota) }) : t('storage.unknown')}</dd>
          <dt>{t('storage.disk.label')}</dt>
          <dd data-testid="storage-disk">{status.disk ? t('storage.disk.value', { free: bytes(status.disk.free_bytes), total: bytes(status.disk.total_bytes) }) : t('storage.unknown')}</dd>
        </dl>
      )}
      {status.persisted === false && (
        <>
          <p className="hint">{t('storage.persistence.why')}</p>
          <button type="button" onClick={onAskPersistence}>
            {t('storage.persistence.ask')}
          </button>
        </>
      )}
      {status.quota && status.quota.quota > 0 && (
        <ProgressBar label={t('storage.database.label')} value={status.quota.usage} max={status.quota.quota} text={t('storage.database.value', { used: bytes(status.quota.usage), quota: bytes(status.quota.quota) })} />
      )}
      {status.quota && <Warning level={quotaLevel} low={t('storage.database.low')} critical={t('storage.database.critical')} />}
      {status.disk && (
        <Warning level={status.disk.level} low={t('storage.disk.low', { free: bytes(status.disk.free_bytes) })} critical={t('storage.disk.critical', { free: bytes(status.disk.free_bytes) })} />
      )}
    </section>
  );
}
