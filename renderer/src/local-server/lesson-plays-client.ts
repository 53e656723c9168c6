import { z } from 'zod';
import { createLessonPlayResponseSchema, getLessonPlayResponseSchema, listLessonPlaysResponseSchema, updateLessonPlayResponseSchema } from '../../../shared/schemas/lesson-play';
import type { CreateLessonPlayRequest, CreateLessonPlayResponse, LessonPlay, ListLessonPlaysResponse, UpdateLessonPlayResponse } from '../../../shared/schemas/lesson-play';
import { lessonPlayResultsResponseSchema } from '../../../shared/schemas/lesson-play-results';
import type { LessonPlayResultsRequest, LessonPlayResultsResponse } from '../../../shared/schemas/lesson-play-results';
import type { LocalApi } from './local-api';
import { learnerCall } from './learner-call';

/** An answer of the lesson-plays API: the value, or the status and the seed's message. */
export type LessonPlayResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

export interface LessonPlayListQuery {
  readonly clientId: string;
  readonly page?: number;
  readonly pageSize?: number;
  readonly sortBy?: string;
  readonly sortOrder?: 'asc' | 'desc';
  readonly lessonId?: string;
  readonly startAfter?: string;
}

export interface LessonPlaysClient {
  list(query: LessonPlayListQuery): Promise<LessonPlayResult<ListLessonPlaysResponse>>;
  create(body: CreateLessonPlayRequest): Promise<LessonPlayResult<CreateLessonPlayResponse>>;
  get(id: string): Promise<LessonPlayResult<LessonPlay>>;
  setReturnUrl(id: string, returnUrl: string | null): Promise<LessonPlayResult<UpdateLessonPlayResponse>>;
  putResults(id: string, results: LessonPlayResultsRequest): Promise<LessonPlayResult<LessonPlayResultsResponse>>;
}

const errorBody = z.object({ error: z.string() });

/** The lesson-plays API as the signed-in learner (their kiosk token is the seed's ID token). */
export function createLessonPlaysClient(api: LocalApi, token: string, options: { readonly onUnauthorized?: () => void } = {}): LessonPlaysClient {
  async function call<T extends z.ZodType>(method: string, path: string, body: unknown, schema: T): Promise<LessonPlayResult<z.output<T>>> {
    const exchange = await learnerCall(api, token, { method, path, body, schema, onUnauthorized: options.onUnauthorized });
    switch (exchange.kind) {
      case 'value':
        return { ok: true, value: exchange.value };
      case 'unreachable':
        return { ok: false, status: 0, message: exchange.message };
      case 'bad_response':
        return { ok: false, status: exchange.status, message: 'The response did not match the API' };
      case 'refused': {
        const error = errorBody.safeParse(exchange.body);
        return { ok: false, status: exchange.status, message: error.success ? error.data.error : `HTTP ${exchange.status}` };
      }
    }
  }
  const at = (id: string) => `/api/lesson-plays/${encodeURIComponent(id)}`;
  return {
    list(query) {
      const search = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
      return call('GET', `/api/lesson-plays?${search}`, undefined, listLessonPlaysResponseSchema);
    },
    create(body) {
      return call('POST', '/api/lesson-plays', body, createLessonPlayResponseSchema);
    },
    async get(id) {
      const result = await call('GET', at(id), undefined, getLessonPlayResponseSchema);
      return result.ok ? { ok: true, value: result.value.data } : result;
    },
    setReturnUrl(id, returnUrl) {
      return call('PATCH', at(id), { returnUrl }, updateLessonPlayResponseSchema);
    },
    putResults(id, results) {
      return call('PUT', `${at(id)}/results`, results, lessonPlayResultsResponseSchema);
    },
  };
}
