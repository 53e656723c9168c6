import { useTranslation } from 'react-i18next';
import { ApiUrlForm } from './api-url-form';
import { TokenForm } from './token-form';

/** Where the API is and the token that lets this kiosk write to it. */
export function SyncConnection() {
  const { t } = useTranslation();
  return (
    <section className="card sync-connection" aria-labelledby="sync-connection-title">
      <h2 id="sync-connection-title">{t('sync.connection.title')}</h2>
      <ApiUrlForm />
      <TokenForm />
    </section>
  );
}
