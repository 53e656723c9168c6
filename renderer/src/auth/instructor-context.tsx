import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { InstructorStatus } from '../../../shared/ipc/instructor-contract';
import type { IpcError } from '../../../shared/ipc/result';
import type { IpcClient } from '../bridge/ipc-client';
import { createInstructorGuard } from '../data/instructor-guard';
import type { InstructorGuard } from '../data/instructor-guard';

export type InstructorOutcome = { ok: true } | { ok: false; error: IpcError };

export interface InstructorValue {
  /** null until main has answered once. */
  readonly status: InstructorStatus | null;
  readonly guard: InstructorGuard;
  setup(secret: string): Promise<InstructorOutcome>;
  signIn(secret: string): Promise<InstructorOutcome>;
  signOut(): Promise<void>;
  changeSecret(current: string, next: string): Promise<InstructorOutcome>;
  refresh(): Promise<void>;
}

const InstructorContext = createContext<InstructorValue | null>(null);

type Ipc = Pick<IpcClient, 'invoke'>;

/**
 * The instructor role as main sees it for this window. main holds the session (and ends it when idle);
 * this only mirrors it for the UI, asking again after every change and when main said it would expire.
 */
/** How long to wait before asking main again when it did not answer (the socket was still connecting). */
const STATUS_RETRY_MS = 1000;

interface ProviderProps {
  readonly ipc: Ipc;
  /** Called with a function to run whenever the connection to main opens again (serve mode). */
  readonly onReconnect?: ((listener: () => void) => () => void) | undefined;
  /** What main only tells an instructor (the cart, running installs) is fetched again when one signs in. */
  readonly onSignedIn?: (() => void) | undefined;
  readonly children: ReactNode;
}

export function InstructorProvider({ ipc, onReconnect, onSignedIn, children }: ProviderProps) {
  const [status, setStatus] = useState<InstructorStatus | null>(null);
  const signedIn = status?.signed_in === true;
  useEffect(() => {
    if (signedIn) onSignedIn?.();
  }, [signedIn, onSignedIn]);

  const refresh = useCallback(async () => {
    const result = await ipc.invoke('instructor:status', {});
    if (result.ok) setStatus(result.value);
  }, [ipc]);

  // Until main answers, the app shows nothing it might have to take back; a call lost with a connection
  // is asked again, and a new connection (which main treats as a new caller) is asked afresh.
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      clearTimeout(retry);
      void ipc.invoke('instructor:status', {}).then((result) => {
        if (!live) return;
        if (result.ok) setStatus(result.value);
        else retry = setTimeout(ask, STATUS_RETRY_MS);
      });
    };
    ask();
    const off = onReconnect?.(ask);
    return () => {
      live = false;
      clearTimeout(retry);
      off?.();
    };
  }, [ipc, onReconnect]);

  // main ends an idle instructor session by itself; look again just after it said it would.
  const expiresAt = status?.signed_in ? status.idle_expires_at : null;
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(expiresAt) - Date.now()) + 500);
    return () => clearTimeout(timer);
  }, [expiresAt, refresh]);

  const run = useCallback(
    async (call: () => ReturnType<Ipc['invoke']>): Promise<InstructorOutcome> => {
      const result = await call();
      await refresh();
      return result.ok ? { ok: true } : { ok: false, error: result.error };
    },
    [refresh],
  );

  const value = useMemo<InstructorValue>(
    () => ({
      status,
      guard: createInstructorGuard(async () => {
        const result = await ipc.invoke('instructor:status', {});
        return result.ok ? result.value : null;
      }),
      setup: (secret) => run(() => ipc.invoke('instructor:setup', { secret })),
      signIn: (secret) => run(() => ipc.invoke('instructor:sign-in', { secret })),
      signOut: async () => {
        await run(() => ipc.invoke('instructor:sign-out', {}));
      },
      changeSecret: (current, next) => run(() => ipc.invoke('instructor:change-secret', { current, next })),
      refresh,
    }),
    [ipc, status, run, refresh],
  );
  return <InstructorContext.Provider value={value}>{children}</InstructorContext.Provider>;
}

export function useInstructor(): InstructorValue {
  const value = useContext(InstructorContext);
  if (!value) throw new Error('useInstructor() outside <InstructorProvider>');
  return value;
}

/** True while an instructor is signed in for this window. */
export function useIsInstructor(): boolean {
  return useInstructor().status?.signed_in === true;
}
