import { Dexie } from 'dexie';
import type { DexieOptions, EntityTable, Table } from 'dexie';
import type { LessonPlayRow } from './lesson-play-row';
import type {
  ActivityProgressRow,
  AuthSessionRow,
  CatalogPullRow,
  DraftRow,
  IdMapRow,
  LearnerRow,
  ActivityRow,
  AttemptLogRow,
  ContentSessionLogRow,
  ContentSummaryLogRow,
  HeadsetRow,
  MasteryLogRow,
  OutboxRow,
  ScormPackageRow,
  ScormSessionRow,
  SideloadJobRow,
  VrPackageRow,
  VrSessionRow,
} from './rows';
import { SCHEMA_V1 } from './schema-v1';
import { SCHEMA_V2 } from './schema-v2';
import { SCHEMA_V3 } from './schema-v3';
import { SCHEMA_V4 } from './schema-v4';
import { SCHEMA_V5 } from './schema-v5';
import { SCHEMA_V7 } from './schema-v7';
import type { ScormCourseRow, ScormDispatchRow } from './schema-v7';
import { SCHEMA_V8 } from './schema-v8';
import { SCHEMA_V9 } from './schema-v9';
import { SCHEMA_V11 } from './schema-v11';
import { SCHEMA_V12 } from './schema-v12';
import type { ClassMemberRow, ClassRow, HeadsetNameRow, KioskStateRow } from './schema-v11';
import { SCHEMA_V16 } from './schema-v16';
import type { KioskIdentityRow, OfflineTransferRow } from './schema-v16';
import { SCHEMA_V17 } from './schema-v17';
import type { VrSummaryRow } from './schema-v17';
import { VR_SUMMARY_SPEC } from './vr-summaries';
import { SCHEMA_V18 } from './schema-v18';
import { SCHEMA_V19 } from './schema-v19';
import type { LessonPlaySummaryRow } from './schema-v19';
import { LESSON_PLAY_SUMMARY_SPEC } from './lesson-play-summaries';
import { SCHEMA_V20 } from './schema-v20';
import type { ScormSummaryRow } from './schema-v20';
import { SCORM_SUMMARY_SPEC } from './scorm-summaries';
import { SCHEMA_V21 } from './schema-v21';
import { SCHEMA_V22 } from './schema-v22';
import type { ExerciseSummaryRow } from './schema-v22';
import { EXERCISE_SUMMARY_SPEC } from './exercise-summaries';
import { buildSummaries, summaryMiddleware } from './summaries';
import type { Lesson } from '../../../shared/schemas/catalog';

export const DB_NAME = 'outpost';

/** The renderer's data authority: every local record and the sync outbox live here. */
export class OutpostDb extends Dexie {
  declare vrPackages: EntityTable<VrPackageRow, 'id'>;
  declare vrSessions: EntityTable<VrSessionRow, 'id'>;
  declare activities: EntityTable<ActivityRow, 'id'>;
  declare activityProgress: EntityTable<ActivityProgressRow, 'id'>;
  declare scormPackages: EntityTable<ScormPackageRow, 'id'>;
  declare scormSessions: EntityTable<ScormSessionRow, 'id'>;
  declare scormCourses: EntityTable<ScormCourseRow, 'id'>;
  declare scormDispatches: EntityTable<ScormDispatchRow, 'id'>;
  declare contentSessionLogs: EntityTable<ContentSessionLogRow, 'id'>;
  declare contentSummaryLogs: EntityTable<ContentSummaryLogRow, 'id'>;
  declare masteryLogs: EntityTable<MasteryLogRow, 'id'>;
  declare attemptLogs: EntityTable<AttemptLogRow, 'id'>;
  declare lessonPlays: EntityTable<LessonPlayRow, 'id'>;
  declare outbox: Table<OutboxRow, number>;
  declare headsets: EntityTable<HeadsetRow, 'serial'>;
  declare sideloadJobs: EntityTable<SideloadJobRow, 'id'>;
  declare learners: EntityTable<LearnerRow, 'id'>;
  declare authSessions: EntityTable<AuthSessionRow, 'token_hash'>;
  declare idMap: Table<IdMapRow, [string, string]>;
  declare lessons: EntityTable<Lesson, 'id'>;
  declare catalogPulls: Table<CatalogPullRow, number>;
  declare drafts: Table<DraftRow, [string, string]>;
  declare classes: EntityTable<ClassRow, 'id'>;
  declare classMembers: Table<ClassMemberRow, [string, string]>;
  declare headsetNames: EntityTable<HeadsetNameRow, 'serial'>;
  declare kioskState: EntityTable<KioskStateRow, 'key'>;
  declare kioskIdentity: EntityTable<KioskIdentityRow, 'key'>;
  declare offlineTransfers: EntityTable<OfflineTransferRow, 'id'>;
  /** Written only by summaryMiddleware (VR_SUMMARY_SPEC), with the vrSessions write it follows (read it, never write it). */
  declare vrSummaries: Table<VrSummaryRow, [string, string]>;
  /** Written only by summaryMiddleware (LESSON_PLAY_SUMMARY_SPEC), with the lessonPlays write it follows (read it, never write it). */
  declare lessonPlaySummaries: Table<LessonPlaySummaryRow, [string, string, string]>;
  /** Written only by summaryMiddleware (SCORM_SUMMARY_SPEC), with the scormSessions write it follows (read it, never write it). */
  declare scormSummaries: Table<ScormSummaryRow, [string, string]>;
  /** Written only by summaryMiddleware (EXERCISE_SUMMARY_SPEC), with the masteryLogs write it follows (read it, never write it). */
  declare exerciseSummaries: Table<ExerciseSummaryRow, [string, string]>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);
    this.version(9).stores(SCHEMA_V9);
    this.version(11).stores(SCHEMA_V11);
    this.version(12).stores(SCHEMA_V12);
    this.version(16).stores(SCHEMA_V16);
    this.version(17).stores(SCHEMA_V17).upgrade((tx) => buildSummaries(tx, VR_SUMMARY_SPEC));
    this.version(18).stores(SCHEMA_V18);
    this.version(19).stores(SCHEMA_V19).upgrade((tx) => buildSummaries(tx, LESSON_PLAY_SUMMARY_SPEC));
    this.version(20).stores(SCHEMA_V20).upgrade((tx) => buildSummaries(tx, SCORM_SUMMARY_SPEC));
    this.version(21).stores(SCHEMA_V21);
    this.version(22).stores(SCHEMA_V22).upgrade((tx) => buildSummaries(tx, EXERCISE_SUMMARY_SPEC));
    this.use(summaryMiddleware('Summaries', [VR_SUMMARY_SPEC, LESSON_PLAY_SUMMARY_SPEC, SCORM_SUMMARY_SPEC, EXERCISE_SUMMARY_SPEC]));
  }
}

export function openOutpostDb(name?: string, options?: DexieOptions): OutpostDb {
  return new OutpostDb(name, options);
}
