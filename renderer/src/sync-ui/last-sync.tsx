import { useTranslation } from 'react-i18next';
import { useRelativeTime } from './use-relative-time';

/** "Last synced 5 minutes ago", with the exact time on hover. */
export function LastSync({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const when = useRelativeTime(at);
  if (!at || !when) return <span className="sync-last">{t('sync.neverSynced')}</span>;
  return (
    <time className="sync-last" dateTime={at} title={when.absolute}>
      {t('sync.lastSuccess', { when: when.relative })}
    </time>
  );
}
