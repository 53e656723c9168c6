import type { AppInfo } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatcher';
import type { Dispatch } from '../ipc/dispatcher';
import { EventBus } from '../ipc/event-bus';
import { createHandlers } from '../ipc/handlers';
import { SettingsService } from './settings-service';

export interface MainServicesOptions {
  readonly dataDir: string;
  readonly appInfo: Omit<AppInfo, 'startedAt'>;
  readonly now: () => Date;
  readonly log: (message: string, error?: unknown) => void;
}

export interface MainServices {
  readonly dispatch: Dispatch;
  readonly bus: EventBus;
  readonly settings: SettingsService;
}

/**
 * Composition root of the privileged side. Both hosts (the Electron shell and the headless `serve` host)
 * call this, so they run the same services behind the same handler map.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const bus = new EventBus();
  const settings = new SettingsService(options.dataDir, (next) => bus.emit('settings:changed', next));
  const appInfo: AppInfo = { ...options.appInfo, startedAt: options.now().toISOString() };
  const handlers = createHandlers({ appInfo, settings });
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => options.log(`IPC handler for ${channel} failed`, error),
  });
  return { dispatch, bus, settings };
}
