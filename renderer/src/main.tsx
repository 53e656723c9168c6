import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, matchUiLocale } from '../../shared/i18n/locales';
import type { Settings } from '../../shared/settings';
import { App } from './app/app';
import { ServicesProvider } from './app/services-context';
import { connectBridge } from './bridge/connect-bridge';
import { IpcClient } from './bridge/ipc-client';
import { SocketBridge } from './bridge/socket-bridge';
import { openOutpostDb } from './db/outpost-db';
import { createI18n } from './i18n/i18n';
import './styles.css';

function localeFor(settings: Settings | null) {
  return settings?.locale ?? matchUiLocale(navigator.language);
}

async function start(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const bridge = connectBridge();
  if (!bridge) {
    const i18n = await createI18n(matchUiLocale(navigator.language) ?? DEFAULT_LOCALE);
    root.render(<p role="alert" className="fatal">{i18n.t('app.noBridge')}</p>);
    return;
  }
  const ipc = new IpcClient(bridge);
  const [info, settings] = await Promise.all([ipc.invoke('app:info', {}), ipc.invoke('settings:get', {})]);
  const i18n = await createI18n(localeFor(settings.ok ? settings.value : null));
  if (!info.ok) {
    root.render(<p role="alert" className="fatal">{i18n.t('app.noBridge')}</p>);
    return;
  }
  const applyLanguage = () => {
    document.documentElement.lang = i18n.language;
    document.title = i18n.t('app.name');
  };
  i18n.on('languageChanged', applyLanguage);
  applyLanguage();
  ipc.on('settings:changed', (next) => void i18n.changeLanguage(localeFor(next)));

  const db = openOutpostDb();
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={{ ipc, db, appInfo: info.value }}>
          <App connection={bridge instanceof SocketBridge ? bridge : null} />
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
