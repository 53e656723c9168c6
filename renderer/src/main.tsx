import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { DEFAULT_LOCALE, matchUiLocale } from '../../shared/i18n/locales';
import type { Settings } from '../../shared/settings';
import { createInstructorGuard } from './data/instructor-guard';
import { createLocalApi } from './local-server/local-api';
import { xapiIris } from './local-server/xapi-iris';
import { App } from './app/app';
import { ServicesProvider } from './ui/services-context';
import { InstructorProvider } from './auth/instructor-context';
import { LearnerSessionProvider } from './auth/learner-session-context';
import { connectBridge } from './bridge/connect-bridge';
import { IpcClient } from './bridge/ipc-client';
import { SocketBridge } from './bridge/socket-bridge';
import { openOutpostDb } from './db/outpost-db';
import { HeadsetFeed } from './headsets/headset-feed';
import { HeadsetFeedProvider } from './headsets/headset-feed-context';
import { startSideloadTracker } from './headsets/sideload-tracker';
import { startLanResponder } from './scorm/lan/lan-responder';
import { startHeadsetResponder } from './headset-api/headset-responder';
import { createI18n } from './i18n/i18n';
import { startSync } from './sync/start-sync';
import { requestPersistence } from './storage/browser-storage';
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
  // Statements recorded after the remote's address is set carry its IRIs, without restarting the kiosk.
  let iris = xapiIris(settings.ok ? settings.value.apiBaseUrl : null);
  ipc.on('settings:changed', (next) => {
    iris = xapiIris(next.apiBaseUrl);
    void i18n.changeLanguage(localeFor(next));
  });

  const db = openOutpostDb();
  // Ask once at start that learners' records are never cleared under disk pressure (Settings shows the answer).
  void requestPersistence();
  const ports = { db, now: () => new Date(), newId: () => crypto.randomUUID() };
  // The local API asks main, call by call, whether an instructor is signed in for this window.
  const instructor = createInstructorGuard(async () => {
    const result = await ipc.invoke('instructor:status', {});
    return result.ok ? result.value : null;
  });
  const api = createLocalApi({
    ...ports,
    instructor,
    // Player links are signed in main, with a key course content can never reach.
    scorm: {
      async signLaunch(request) {
        const signed = await ipc.invoke('scorm:sign-launch', request);
        if (!signed.ok) throw new Error(signed.error.code);
        return signed.value;
      },
      async dispatchOrigin() {
        const lan = await ipc.invoke('scorm-lan:status', {});
        return lan.ok && lan.value.listening ? (lan.value.origins[0] ?? null) : null;
      },
    },
    xapi: {
      get accountHomePage() {
        return iris.accountHomePage;
      },
      get activityIriBase() {
        return iris.activityIriBase;
      },
    },
  });
  // Both live as long as the window: installs finish, and headsets come and go, whatever page is open.
  const sideloads = startSideloadTracker(ipc, ports, console.error, { mainStartedAt: info.value.startedAt });
  const headsets = new HeadsetFeed(ipc, db);
  headsets.start();
  // Headsets report their own completion through main (docs/api/headset-api.md); this window applies it.
  const xapi = {
    get accountHomePage() {
      return iris.accountHomePage;
    },
    get activityIriBase() {
      return iris.activityIriBase;
    },
  };
  startHeadsetResponder(ipc, { ...ports, xapi }, {
    responderId: crypto.randomUUID(),
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  // Courses dispatched to an LMS on the school's network are played through this window (docs/scorm-lan.md).
  startLanResponder(ipc, ports, {
    responderId: crypto.randomUUID(),
    storage: window.localStorage,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  // Sync starts here, outside React, so StrictMode's double effects cannot start a second scheduler.
  const sync = startSync({ ipc, db, storage: window.localStorage, now: () => new Date(), random: Math.random });
  if (bridge instanceof SocketBridge) {
    bridge.onState((state) => {
      if (state !== 'open') return;
      void headsets.refresh();
      void sideloads.catchUp();
    });
  }
  const onReconnect =
    bridge instanceof SocketBridge ? (listener: () => void) => bridge.onState((state) => state === 'open' && listener()) : undefined;
  const onInstructorSignedIn = () => {
    void headsets.refresh();
    void sideloads.catchUp();
  };
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={{ ipc, db, appInfo: info.value, api, sync, ports }}>
          <InstructorProvider ipc={ipc} onReconnect={onReconnect} onSignedIn={onInstructorSignedIn}>
            <LearnerSessionProvider db={db} store={window.sessionStorage}>
              <HeadsetFeedProvider feed={headsets}>
                <App connection={bridge instanceof SocketBridge ? bridge : null} />
              </HeadsetFeedProvider>
            </LearnerSessionProvider>
          </InstructorProvider>
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

const container = document.getElementById('root');
if (container) void start(container);
