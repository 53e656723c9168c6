import { COLLECTIONS } from './records';
import type {
  ActivityProgressRecord,
  AttemptLogRecord,
  ContentSessionRecord,
  ContentSummaryRecord,
  LessonPlayRecord,
  MasteryLogRecord,
  ScormSessionRecord,
  VrSessionRecord,
  XapiStatementRecord,
} from './records';
import type { Store } from './store';

/** Counts of what the server holds, for "exactly one effect" assertions. */
export interface ReferenceEffects {
  readonly vrSessions: {
    readonly created: number;
    readonly completed: number;
    /** Keyed `${user_id}/${package_id}`. */
    readonly byUserPackage: Readonly<Record<string, { created: number; completed: number }>>;
  };
  readonly activityProgress: number;
  /** SCORM session id -> stored version. */
  readonly scormSessionVersions: Readonly<Record<string, number>>;
  readonly xapiStatements: number;
  readonly lessonPlays: number;
  readonly contentSessions: number;
  readonly contentSummaries: number;
  readonly masteryLogs: number;
  readonly attemptLogs: number;
  readonly idempotencyKeys: number;
}

/** Read-only views of the stored data; each call reads the current state. */
export interface ReferenceInspector {
  vrSessions(): VrSessionRecord[];
  vrSessionCounts(userId: string, packageId: string): { created: number; completed: number };
  activityProgress(): ActivityProgressRecord[];
  scormSessions(): ScormSessionRecord[];
  xapiStatements(): XapiStatementRecord[];
  lessonPlays(): LessonPlayRecord[];
  contentSessions(): ContentSessionRecord[];
  contentSummaries(): ContentSummaryRecord[];
  masteryLogs(): MasteryLogRecord[];
  attemptLogs(): AttemptLogRecord[];
  /** Unexpected exceptions the server answered with 500, newest last. */
  errors(): readonly unknown[];
  /** SQLite's integrity check of the data file: "ok" when healthy. */
  integrity(): string;
}

export function createInspector(store: () => Store, errors: () => readonly unknown[]): ReferenceInspector {
  const all = <T extends { id: string }>(name: string): T[] => store().collection<T>(name).find();
  return {
    vrSessions: () => all<VrSessionRecord>(COLLECTIONS.vrSessions),
    vrSessionCounts: (userId, packageId) => {
      const rows = store().collection<VrSessionRecord>(COLLECTIONS.vrSessions).find({ user_id: userId, package_id: packageId });
      return { created: rows.length, completed: rows.filter((row) => row.status === 'completed').length };
    },
    activityProgress: () => all<ActivityProgressRecord>(COLLECTIONS.activityProgress),
    scormSessions: () => all<ScormSessionRecord>(COLLECTIONS.scormSessions),
    xapiStatements: () => all<XapiStatementRecord>(COLLECTIONS.xapiStatements),
    lessonPlays: () => all<LessonPlayRecord>(COLLECTIONS.lessonPlays),
    contentSessions: () => all<ContentSessionRecord>(COLLECTIONS.contentSessions),
    contentSummaries: () => all<ContentSummaryRecord>(COLLECTIONS.contentSummaries),
    masteryLogs: () => all<MasteryLogRecord>(COLLECTIONS.masteryLogs),
    attemptLogs: () => all<AttemptLogRecord>(COLLECTIONS.attemptLogs),
    errors,
    integrity: () => store().integrity(),
  };
}

export function summarizeEffects(inspect: ReferenceInspector, store: Store): ReferenceEffects {
  const byUserPackage: Record<string, { created: number; completed: number }> = {};
  let completed = 0;
  const sessions = inspect.vrSessions();
  for (const session of sessions) {
    const key = `${session.user_id}/${session.package_id}`;
    const entry = (byUserPackage[key] ??= { created: 0, completed: 0 });
    entry.created += 1;
    if (session.status === 'completed') {
      entry.completed += 1;
      completed += 1;
    }
  }
  const count = (name: string) => store.collection(name).count();
  return {
    vrSessions: { created: sessions.length, completed, byUserPackage },
    activityProgress: count(COLLECTIONS.activityProgress),
    scormSessionVersions: Object.fromEntries(inspect.scormSessions().map((session) => [session.id, session.version])),
    xapiStatements: count(COLLECTIONS.xapiStatements),
    lessonPlays: count(COLLECTIONS.lessonPlays),
    contentSessions: count(COLLECTIONS.contentSessions),
    contentSummaries: count(COLLECTIONS.contentSummaries),
    masteryLogs: count(COLLECTIONS.masteryLogs),
    attemptLogs: count(COLLECTIONS.attemptLogs),
    idempotencyKeys: count(COLLECTIONS.idempotency),
  };
}
