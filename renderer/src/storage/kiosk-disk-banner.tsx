import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiskSpace } from '../../../shared/storage/disk-space';
import { formatBytes } from '../i18n/format-bytes';
import { useServices } from '../ui/services-context';
import { STORAGE_REFRESH_MS, readKioskDisk } from './use-storage-status';

/**
 * Shown above every page while an instructor is signed in and the kiosk disk is low or critical
 * (shared/storage/disk-space.ts): the warning must not wait for someone to open Settings. Learners do not see
 * it (they can do nothing about it). Links to Settings, where the storage section says more. A polite
 * status, like the cast banner: it stays on every page, and Settings carries the alert itself.
 */
export function KioskDiskBanner() {
  const { ipc } = useServices();
  const [disk, setDisk] = useState<DiskSpace | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => void readKioskDisk(ipc).then((next) => live && setDisk(next));
    load();
    const timer = setInterval(load, STORAGE_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [ipc]);
  return <KioskDiskNotice disk={disk} />;
}

/** The banner for one reading of main's `storage:status`; nothing while the disk is fine or unknown. */
export function KioskDiskNotice({ disk }: { disk: DiskSpace | null }) {
  const { t, i18n } = useTranslation();
  if (!disk || disk.level === 'ok') return null;
  const free = formatBytes(disk.free_bytes, i18n.language);
  return (
    <p role="status" className={disk.level === 'critical' ? 'notice notice-danger disk-banner' : 'notice disk-banner'} data-testid="kiosk-disk-banner" data-level={disk.level}>
      {disk.level === 'critical' ? t('storage.disk.critical', { free }) : t('storage.disk.low', { free })} <a href="#/settings">{t('storage.banner.open')}</a>
    </p>
  );
}
