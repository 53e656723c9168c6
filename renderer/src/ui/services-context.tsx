import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { IpcClient } from '../bridge/ipc-client';
import type { OutpostDb } from '../db/outpost-db';
import type { DataPorts } from '../data/data-ports';
import type { SyncServices } from '../sync/start-sync';

export interface AppServices {
  readonly ipc: IpcClient;
  readonly db: OutpostDb;
  readonly appInfo: AppInfo;
  /** The seed APIs over Dexie; call it through a typed client such as createVrSessionsClient. */
  // The local API's fetch handler, typed structurally so this shared context depends on no feature folder.
  readonly api: (request: Request) => Promise<Response>;
  /** The window's one sync scheduler (started at boot) and its latest catalog pull. */
  readonly sync: SyncServices;
  /** The data layer's database and clock/id ports: components read and write through renderer/src/data. */
  readonly ports: DataPorts;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}
