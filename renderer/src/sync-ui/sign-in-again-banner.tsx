import { useTranslation } from 'react-i18next';

/** The one state sync cannot leave by itself: someone has to paste a new token. */
export function SignInAgainBanner() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-danger sync-banner">
      <h2>{t('sync.banner.title')}</h2>
      <p>{t('sync.banner.body')}</p>
    </div>
  );
}
