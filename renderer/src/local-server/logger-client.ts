import { z } from 'zod';
import { attemptLogSchema } from '../../../shared/schemas/attempt-log';
import type { AttemptLog } from '../../../shared/schemas/attempt-log';
import { startContentSessionResponseSchema, updateContentSessionResponseSchema } from '../../../shared/schemas/content-session';
import type { StartContentSessionRequestInput, StartContentSessionResponse, UpdateContentSessionRequestInput, UpdateContentSessionResponse } from '../../../shared/schemas/content-session';
import { masteryLogSchema } from '../../../shared/schemas/mastery-log';
import type { MasteryLog } from '../../../shared/schemas/mastery-log';
import type { LocalApi } from './local-api';
import { learnerCall } from './learner-call';

/**
 * An answer of the progress-tracking API: the value, or the status, code and message. Codes are the
 * logger's (VALIDATION_ERROR, UNAUTHORIZED, FORBIDDEN, NOT_FOUND) plus UNREACHABLE and BAD_RESPONSE.
 */
export type LoggerResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly code: string; readonly message: string };

export interface LoggerClient {
  start(body: StartContentSessionRequestInput): Promise<LoggerResult<StartContentSessionResponse>>;
  update(sessionId: string, body: UpdateContentSessionRequestInput): Promise<LoggerResult<UpdateContentSessionResponse>>;
  /** The learner's tries at one content, newest first. */
  masteryLogs(query: { content: string; user: string; quiz?: boolean }): Promise<LoggerResult<MasteryLog[]>>;
  attemptLogs(query: { masterylog: string }): Promise<LoggerResult<AttemptLog[]>>;
  totalProgress(userId: string): Promise<LoggerResult<{ id: string; progress: number }>>;
}

const errorBody = z.object({ error: z.string(), code: z.string() });

/** The progress-tracking API as the signed-in learner (kiosk token), over the in-process local API. */
export function createLoggerClient(api: LocalApi, token: string, options: { readonly onUnauthorized?: () => void } = {}): LoggerClient {
  async function call<T extends z.ZodType>(method: string, path: string, body: unknown, schema: T): Promise<LoggerResult<z.output<T>>> {
    const exchange = await learnerCall(api, token, { method, path, body, schema, onUnauthorized: options.onUnauthorized });
    switch (exchange.kind) {
      case 'value':
        return { ok: true, value: exchange.value };
      case 'unreachable':
        return { ok: false, status: 0, code: 'UNREACHABLE', message: exchange.message };
      case 'bad_response':
        return { ok: false, status: exchange.status, code: 'BAD_RESPONSE', message: 'The response did not match the API' };
      case 'refused': {
        const error = errorBody.safeParse(exchange.body);
        return error.success
          ? { ok: false, status: exchange.status, code: error.data.code, message: error.data.error }
          : { ok: false, status: exchange.status, code: 'BAD_RESPONSE', message: `HTTP ${exchange.status}` };
      }
    }
  }
  const search = (query: Record<string, string | boolean | undefined>) =>
    new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]))).toString();
  return {
    start: (body) => call('POST', '/api/logger/contentsession', body, startContentSessionResponseSchema),
    update: (sessionId, body) => call('PUT', `/api/logger/contentsession/${encodeURIComponent(sessionId)}`, body, updateContentSessionResponseSchema),
    masteryLogs: (query) => call('GET', `/api/logger/masterylog?${search(query)}`, undefined, z.array(masteryLogSchema)),
    attemptLogs: (query) => call('GET', `/api/logger/attemptlog?${search(query)}`, undefined, z.array(attemptLogSchema)),
    totalProgress: (userId) => call('GET', `/api/logger/totalcontentprogress/${encodeURIComponent(userId)}`, undefined, z.object({ id: z.string(), progress: z.number() })),
  };
}
