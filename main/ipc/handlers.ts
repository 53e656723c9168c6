import type { AppInfo } from '../../shared/ipc/contract';
import type { SettingsService } from '../services/settings-service';
import type { HandlerMap } from './handler-map';

export interface HandlerDeps {
  readonly appInfo: AppInfo;
  readonly settings: SettingsService;
}

export function createHandlers(deps: HandlerDeps): HandlerMap {
  return {
    'app:info': async () => deps.appInfo,
    'settings:get': () => deps.settings.get(),
    'settings:update': (patch) => deps.settings.update(patch),
  };
}
