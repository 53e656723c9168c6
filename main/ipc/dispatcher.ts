import { needsInstructor } from '../../shared/ipc/access';
import { isInvokeChannel } from '../../shared/ipc/channels';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { formatIssues, issueDetails } from '../../shared/ipc/format-issues';
import { IpcFailure, fail, ok } from '../../shared/ipc/result';
import type { Result } from '../../shared/ipc/result';
import type { CallContext, Handler, HandlerMap } from './handler-map';

export type Dispatch = (channel: unknown, payload: unknown, context: CallContext) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected handler errors are reported; the caller only sees a generic message. */
  readonly onInternalError?: (channel: string, error: unknown) => void;
  /**
   * Whether the caller holds a live instructor session (and, if so, keeps it alive). Without it every
   * instructor-only channel is refused: failing closed is the safe default.
   */
  readonly isInstructor?: (context: CallContext) => boolean;
}

/**
 * The single entry point of both transports (Electron IPC and the loopback WebSocket): the channel must be
 * in the contract, the caller must have the access the contract declares, and the payload must parse
 * before any handler runs; responses are checked too, so a handler bug surfaces as INTERNAL instead of
 * leaking malformed data to the renderer.
 */
export function createDispatcher(handlers: HandlerMap, options: DispatcherOptions = {}): Dispatch {
  return async (channel, payload, context) => {
    if (!isInvokeChannel(channel)) {
      return fail('UNKNOWN_CHANNEL', `Unknown channel: ${String(channel).slice(0, 64)}`);
    }
    const spec = contract[channel];
    // Before parsing: a learner learns nothing about an instructor channel's payload, and no handler runs.
    if (needsInstructor(spec.access, payload ?? {}) && !(options.isInstructor?.(context) ?? false)) {
      return fail('INSTRUCTOR_REQUIRED', `${channel}: an instructor must sign in first`);
    }
    const parsed = spec.request.safeParse(payload ?? {});
    if (!parsed.success) {
      return fail('VALIDATION_ERROR', `${channel}: ${formatIssues(parsed.error.issues)}`, issueDetails(parsed.error.issues));
    }
    try {
      const handler = handlers[channel] as Handler<InvokeChannel>;
      const value = await handler(parsed.data as never, context);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(channel, checked.error);
        return fail('INTERNAL', `${channel}: the app produced an invalid response`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof IpcFailure) return fail(error.code, error.message, error.details);
      options.onInternalError?.(channel, error);
      return fail('INTERNAL', `${channel}: unexpected error`);
    }
  };
}
