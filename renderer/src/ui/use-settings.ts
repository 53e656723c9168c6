import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/settings';
import { useServices } from './services-context';

/** Main owns settings; every window follows `settings:changed`, so two windows never disagree. */
export function useSettings(): Settings | null {
  const { ipc } = useServices();
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    const off = ipc.on('settings:changed', setSettings);
    void ipc.invoke('settings:get', {}).then((result) => {
      if (live && result.ok) setSettings(result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [ipc]);
  return settings;
}
