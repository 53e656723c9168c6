import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { AdbStatus } from '../../../shared/headsets/sideload-contract';
import type { HeadsetFeed } from './headset-feed';

const HeadsetFeedContext = createContext<HeadsetFeed | null>(null);

export function HeadsetFeedProvider({ feed, children }: { feed: HeadsetFeed; children: ReactNode }) {
  return <HeadsetFeedContext.Provider value={feed}>{children}</HeadsetFeedContext.Provider>;
}

/** null until main has answered, or when it has not tried adb yet. */
export function useAdbStatus(): AdbStatus | null {
  const feed = useContext(HeadsetFeedContext);
  if (!feed) throw new Error('useAdbStatus() outside <HeadsetFeedProvider>');
  return useSyncExternalStore(feed.subscribe, feed.adbStatus);
}
