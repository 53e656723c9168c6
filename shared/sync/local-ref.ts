/**
 * Outbox requests are recorded before the remote has assigned ids, so paths and bodies name local records
 * as `local:<entity>:<id>`; sync rewrites them through its id map once the creating request has succeeded.
 */
export type LocalEntity = 'vr_session' | 'scorm_session' | 'content_session' | 'lesson_play' | 'attempt_log';

const PATTERN = /local:(vr_session|scorm_session|content_session|lesson_play|attempt_log):([0-9A-Za-z-]+)/g;

export function localRef(entity: LocalEntity, id: string): string {
  return `local:${entity}:${id}`;
}

export function findLocalRefs(text: string): Array<{ entity: LocalEntity; id: string }> {
  return [...text.matchAll(PATTERN)].map((m) => ({ entity: m[1] as LocalEntity, id: m[2] ?? '' }));
}

/** Replaces every reference the map knows; unknown ones stay, so a caller can tell the request is not ready. */
export function resolveLocalRefs(text: string, remoteIdOf: (entity: LocalEntity, id: string) => string | undefined): string {
  return text.replace(PATTERN, (whole, entity: LocalEntity, id: string) => remoteIdOf(entity, id) ?? whole);
}
