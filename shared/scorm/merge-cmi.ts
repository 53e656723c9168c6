import type { ScormCompletionStatus, ScormSession, ScormSuccessStatus, UpdateScormSessionRequest } from '../schemas/scorm-session';

const COMPLETION_RANK: Record<ScormCompletionStatus, number> = { unknown: 0, 'not attempted': 1, incomplete: 2, completed: 3 };
/** SCORM 1.2's cmi.core.lesson_status mixes completion and success; these are the orders that must not go back. */
const LESSON_STATUS_RANK: Record<string, number> = { 'not attempted': 0, browsed: 1, incomplete: 2, completed: 3, failed: 3, passed: 4 };
// Multi-SCO sessions prefix each item's keys ("sco:<item>:cmi.completion_status", see sco-keys.ts).
const isKey = (key: string, element: string) => key === element || key.endsWith(`:${element}`);

export interface LocalCommit {
  readonly request: UpdateScormSessionRequest;
  /** When the learner's player committed this, offline. */
  readonly committedAt: string;
}

function furthest<T extends string>(a: T | undefined, b: T | undefined, rank: Record<string, number>): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (rank[b] ?? -1) > (rank[a] ?? -1) ? b : a;
}

/**
 * Resolves a 409 on PUT /api/v1/sessions/:id between an offline commit and what another device saved
 * meanwhile: per CMI element the newer commit wins; completion (and 1.2 lesson_status) never moves back;
 * the session time is still this sitting's own and the server adds it to the total, so time accumulates
 * rather than being overwritten; the result carries the remote's version so the retry can apply.
 */
export function mergeScormCommit(remote: ScormSession, local: LocalCommit): UpdateScormSessionRequest {
  const localIsNewer = local.committedAt >= remote.updated_at;
  const cmi = overlayCmi(remote.cmi_data, local.request.cmi_data, (_key, current) => localIsNewer || current === undefined);
  const completion = furthest<ScormCompletionStatus>(remote.completion_status, local.request.completion_status, COMPLETION_RANK);
  const success: ScormSuccessStatus | undefined =
    local.request.success_status && local.request.success_status !== 'unknown' && (localIsNewer || remote.success_status === 'unknown') ? local.request.success_status : remote.success_status;
  const score = localIsNewer && local.request.score ? local.request.score : (remote.score ?? local.request.score);
  return request(remote.version, cmi, completion, success, score, local.request.session_time);
}

/**
 * The remote's CMI with the commit's elements laid over it: completion and 1.2 lesson_status go to the
 * furthest of the two, any other element where `wins` says. Elements `news` says are not news are skipped.
 */
function overlayCmi(
  remote: Readonly<Record<string, string>>,
  local: Readonly<Record<string, string>> | undefined,
  wins: (key: string, current: string | undefined) => boolean,
  news: (key: string, value: string) => boolean = () => true,
): Record<string, string> {
  const cmi: Record<string, string> = { ...remote };
  for (const [key, value] of Object.entries(local ?? {})) {
    if (!news(key, value)) continue;
    const current = remote[key];
    if (isKey(key, 'cmi.completion_status')) cmi[key] = furthest(current, value, COMPLETION_RANK) ?? value;
    else if (isKey(key, 'cmi.core.lesson_status')) cmi[key] = furthest(current, value, LESSON_STATUS_RANK) ?? value;
    else if (wins(key, current)) cmi[key] = value;
  }
  return cmi;
}

/** The PUT body from its merged parts, naming only what is known. */
function request(version: number, cmi: Record<string, string>, completion: ScormCompletionStatus | undefined, success: ScormSuccessStatus | undefined, score: UpdateScormSessionRequest['score'] | null | undefined, sessionTime: string | undefined): UpdateScormSessionRequest {
  return {
    version,
    cmi_data: cmi,
    ...(completion ? { completion_status: completion } : {}),
    ...(success ? { success_status: success } : {}),
    ...(score ? { score } : {}),
    ...(sessionTime ? { session_time: sessionTime } : {}),
  };
}

/** What the remote will hold once a rebased commit applies: its CMI and rolled-up fields. */
export type RemoteView = Pick<ScormSession, 'cmi_data' | 'completion_status' | 'success_status'> & { readonly score?: ScormSession['score'] };

/**
 * Rebases a commit that waited behind an earlier one of the same session when that earlier one met a 409
 * and was merged: `remote` is what the remote holds after the merged commit (or after the previous rebased
 * one), `previous` the kiosk's own CMI the waiting commit was built on (the earlier commit as the kiosk
 * made it). Only the elements the kiosk changed since `previous` are the commit's news. Each goes over the
 * remote's value unless that value came from the other device (it is not what the kiosk had) and the other
 * device saved after this commit was made (`otherSavedAt`); completion and 1.2 lesson_status never move
 * back. Elements the kiosk did not change keep the remote's value, so the other device's elements survive
 * the PUT, which replaces cmi_data as a whole.
 */
export function rebaseScormCommit(remote: RemoteView, previous: Readonly<Record<string, string>>, local: LocalCommit, otherSavedAt: string, version: number): UpdateScormSessionRequest {
  const otherIsNewer = otherSavedAt > local.committedAt;
  const cmi = overlayCmi(
    remote.cmi_data,
    local.request.cmi_data,
    (key, current) => current === undefined || current === previous[key] || !otherIsNewer,
    (key, value) => previous[key] !== value,
  );
  const completion = furthest<ScormCompletionStatus>(remote.completion_status, local.request.completion_status, COMPLETION_RANK);
  const success = local.request.success_status && local.request.success_status !== 'unknown' ? local.request.success_status : remote.success_status;
  return request(version, cmi, completion, success, local.request.score ?? remote.score, local.request.session_time);
}
