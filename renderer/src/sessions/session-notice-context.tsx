import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

/** What the library tells My VR sessions after Start, across the route change. */
export type SessionNotice = { kind: 'started' | 'reused'; title: string };

interface SessionNoticeValue {
  readonly notice: SessionNotice | null;
  show(notice: SessionNotice | null): void;
}

const SessionNoticeContext = createContext<SessionNoticeValue | null>(null);

export function SessionNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, show] = useState<SessionNotice | null>(null);
  const value = useMemo(() => ({ notice, show }), [notice]);
  return <SessionNoticeContext.Provider value={value}>{children}</SessionNoticeContext.Provider>;
}

export function useSessionNotice(): SessionNoticeValue {
  const value = useContext(SessionNoticeContext);
  if (!value) throw new Error('useSessionNotice() outside <SessionNoticeProvider>');
  return value;
}
