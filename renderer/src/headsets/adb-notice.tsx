import { useTranslation } from 'react-i18next';
import { useAdbStatus } from './headset-feed-context';

/** Without adb the page can still show the last known cart, but nothing on it will change. */
export function AdbNotice() {
  const { t } = useTranslation();
  const status = useAdbStatus();
  if (status === null || status.ok) return null;
  return (
    <p role="alert" className="notice notice-danger" data-testid="adb-status">
      {status.reason === 'adb_missing' ? t('headsets.adb.missing') : t('headsets.adb.startFailed', { message: status.message })}
    </p>
  );
}
