import type { ScormCourse } from '../../../shared/scorm/course-manifest';
import type { ScormSession } from '../../../shared/schemas/scorm-session';

/**
 * Version 7: SCORM courses played on the kiosk.
 * - scormCourses: each imported course (what main read from its manifest), who may see it (tenant_id null
 *   for every tenant on this kiosk) and when it was imported.
 * - scormSessions gains a user_id index (a learner's courses).
 * - scormDispatches: hand-offs of a course to another LMS on the network, one per destination.
 */
export const SCHEMA_V7 = {
  scormCourses: 'id, imported_at',
  scormSessions: 'id, [package_id+user_id], [user_id+updated_at], package_id, user_id',
  scormDispatches: 'id, package_id, &token_hash',
} as const;

export type ScormCourseRow = ScormCourse & { readonly tenant_id: string | null; readonly imported_at: string };

/**
 * The seed's session plus the kiosk's bookkeeping of the current sitting: which sitting last committed, its
 * last commit's sequence number (a commit replayed after a crash is applied once) and the session time
 * already counted per item in that sitting (so a course reporting its running time adds only the difference).
 */
export type ScormSessionLocalRow = ScormSession & {
  readonly sitting_id?: string | null;
  readonly sitting_seq?: number;
  readonly sitting_seconds?: Readonly<Record<string, number>>;
  readonly attempts?: number;
};

export interface ScormDispatchRow {
  readonly id: string;
  readonly package_id: string;
  readonly tenant_id: string | null;
  readonly label: string;
  readonly destination: string;
  /** SHA-256 of the current dispatch secret; rotating replaces it, revoking sets revoked_at. */
  readonly token_hash: string;
  readonly created_at: string;
  readonly rotated_at: string | null;
  readonly revoked_at: string | null;
}
