import { isConnectionError } from './headset-errors';

export interface GuardedProcess {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  listenerCount(event: 'uncaughtException' | 'unhandledRejection'): number;
}

/**
 * The last line of defence for a kiosk serving a class: an error of a broken connection (a headset or the
 * adb server hanging up) that escaped every handler is logged and the process keeps serving, because it
 * says nothing about our own state. Any other uncaught error is a bug: when no other handler is there it is
 * rethrown, which keeps Node's (and Electron's) fatal handling. Returns the function that removes the guard.
 */
export function guardAgainstConnectionErrors(target: GuardedProcess, log: (message: string, error?: unknown) => void): () => void {
  const onException = (error: Error) => {
    if (!isConnectionError(error)) {
      if (target.listenerCount('uncaughtException') > 1) return;
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
      throw error;
    }
    log('A connection error escaped its handler; the process keeps serving', error);
  };
  const onRejection = (reason: unknown) => {
    if (!isConnectionError(reason)) {
      if (target.listenerCount('unhandledRejection') > 1) return;
      throw reason;
    }
    log('A connection error escaped its handler (unhandled rejection); the process keeps serving', reason);
  };
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
