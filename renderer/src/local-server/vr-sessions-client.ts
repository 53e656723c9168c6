import { completeVrSessionResponseSchema } from '../../../shared/schemas/vr-session-complete';
import type { CompleteVrSessionRequest, CompleteVrSessionResponse } from '../../../shared/schemas/vr-session-complete';
import { createVrSessionResponseSchema, listVrSessionsResponseSchema } from '../../../shared/schemas/vr-session';
import type { CreateVrSessionRequestInput, CreateVrSessionResponse, ListVrSessionsQuery, ListVrSessionsResponse } from '../../../shared/schemas/vr-session';
import { failure, readApiResult } from './api-result';
import type { ApiResult } from './api-result';
import type { LocalApi } from './local-api';

/** The local API is called in-process; the origin only has to make a valid URL and is never contacted. */
export const LOCAL_API_ORIGIN = 'http://outpost.local';

export interface VrSessionsClient {
  list(query?: ListVrSessionsQuery): Promise<ApiResult<ListVrSessionsResponse>>;
  create(body: CreateVrSessionRequestInput): Promise<ApiResult<CreateVrSessionResponse>>;
  complete(sessionId: string, body: CompleteVrSessionRequest): Promise<ApiResult<CompleteVrSessionResponse>>;
}

export interface VrSessionsClientOptions {
  /** Told when the API no longer accepts the token (expired, signed out elsewhere, learner removed). */
  readonly onUnauthorized?: () => void;
}

export function createVrSessionsClient(api: LocalApi, token: string, options: VrSessionsClientOptions = {}): VrSessionsClient {
  async function call<T>(method: string, path: string, body: unknown, read: (response: Response) => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await api(new Request(`${LOCAL_API_ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
    } catch (error) {
      return failure(0, 'UNREACHABLE', error instanceof Error ? error.message : String(error));
    }
    const result = await read(response);
    if (!result.ok && (result.code === 'UNAUTHORIZED' || result.code === 'PROFILE_NOT_FOUND')) options.onUnauthorized?.();
    return result;
  }

  return {
    list(query = {}) {
      const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      const suffix = search.size > 0 ? `?${search}` : '';
      return call('GET', `/api/vr-sessions${suffix}`, undefined, (r) => readApiResult(r, listVrSessionsResponseSchema));
    },
    create(body) {
      return call('POST', '/api/vr-sessions', body, (r) => readApiResult(r, createVrSessionResponseSchema));
    },
    complete(sessionId, body) {
      return call('POST', `/api/vr-sessions/${encodeURIComponent(sessionId)}/complete`, body, (r) => readApiResult(r, completeVrSessionResponseSchema));
    },
  };
}
