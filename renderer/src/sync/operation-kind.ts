/** The operations the outbox records, in the words the dead-letter list uses (sync.kinds.*). */
const KIND_KEYS = {
  'vr_session.create': 'vrSessionCreate',
  'vr_session.complete': 'vrSessionComplete',
  'xapi.statement': 'xapiStatement',
  'scorm_session.launch': 'scormSessionLaunch',
  'scorm_session.update': 'scormSessionUpdate',
  'content_session.start': 'contentSessionStart',
  'lesson_play.create': 'lessonPlayCreate',
  'lesson_play.update': 'lessonPlayUpdate',
  'lesson_play.results': 'lessonPlayResults',
} as const satisfies Record<string, string>;

export type OperationKindKey = (typeof KIND_KEYS)[keyof typeof KIND_KEYS] | 'other';

/** A kind this build does not name (written by a newer version, say) still shows, as "other". */
export function operationKindKey(kind: string): OperationKindKey {
  return Object.hasOwn(KIND_KEYS, kind) ? KIND_KEYS[kind as keyof typeof KIND_KEYS] : 'other';
}
