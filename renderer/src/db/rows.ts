import type { Headset } from '../../../shared/headsets/headset';
import type { SideloadJob } from '../../../shared/headsets/sideload-job';
import type { Activity, ActivityProgress } from '../../../shared/schemas/activity';
import type { AttemptRecord, MasteryRecord } from '../../../shared/mastery/logger-records';
import type { ContentSessionLog } from '../../../shared/schemas/content-session-log';
import type { ContentSummaryLog } from '../../../shared/schemas/content-summary-log';
import type { ScormPackage } from '../../../shared/schemas/scorm-package';
import type { ScormSession } from '../../../shared/schemas/scorm-session';
import type { VrPackageRecord } from '../../../shared/schemas/vr-package';
import type { VrSession } from '../../../shared/schemas/vr-session';
import type { Learner } from '../../../shared/schemas/learner';
import type { OutboxOperation } from '../../../shared/sync/outbox-operation';

/**
 * Where a package comes from: `remote` from the catalog pull, `local` imported or added by hand on this
 * kiosk (the remote does not know it; see renderer/src/data/vr-package-origin.ts, which also reads rows
 * written before the field existed).
 */
export type PackageOrigin = 'local' | 'remote';
/**
 * What each table stores. Mostly the seed entities themselves; where an API response embeds or omits
 * something, the row keeps the normalised form and the local API rebuilds the response shape.
 */
export type VrPackageRow = VrPackageRecord & { origin?: PackageOrigin };
/**
 * The embedded `package` is joined from vrPackages on read, so a renamed package shows everywhere. Notes
 * from the completion form are kept locally (the seed's responses do not echo them).
 */
export type VrSessionRow = Omit<VrSession, 'package'> & {
  notes?: string | null;
  /** What the app on the headset last reported (auto_detect; kept on the kiosk, docs/api/headset-api.md). */
  headset_progress?: number | null;
  headset_last_event?: { readonly verb: string; readonly at: string } | null;
};
export type ActivityRow = Activity;
export type ActivityProgressRow = ActivityProgress;
export type ScormPackageRow = ScormPackage;
export type ScormSessionRow = ScormSession;
export type ContentSessionLogRow = ContentSessionLog;
export type ContentSummaryLogRow = ContentSummaryLog;
/** Mastery and attempt logs are stored in the shared logger rules' own shapes (owner, try, order). */
export type MasteryLogRow = MasteryRecord;
export type AttemptLogRow = AttemptRecord;
export type OutboxRow = OutboxOperation;
export type HeadsetRow = Headset;
export type SideloadJobRow = SideloadJob;

/** A salted PBKDF2 hash of an instructor-set PIN; null when the learner signs in by picking their name. */
export interface PinHash {
  readonly salt: string;
  readonly hash: string;
  readonly iterations: number;
}
/**
 * Wrong PIN attempts are counted on the row, so a reload does not reset the lockout; each lock in a row
 * lasts longer (pin_lock_level). `source` tells a learner the catalog pull brought ('remote') from one added
 * on this kiosk ('local', the default for rows written before it existed): a pull never removes the latter.
 */
export type LearnerRow = Learner & {
  pin: PinHash | null;
  pin_failures?: number;
  pin_locked_until?: string | null;
  pin_lock_level?: number;
  source?: 'local' | 'remote';
};

export interface AuthSessionRow {
  readonly token_hash: string;
  readonly user_id: string;
  readonly created_at: string;
  readonly expires_at: string;
}

export interface IdMapRow {
  readonly entity: string;
  readonly local_id: string;
  readonly remote_id: string;
  readonly recorded_at: string;
}

/** One catalog pull, kept so an instructor can undo the last one and decide on the removals it proposes. */
export interface CatalogPullRow {
  readonly seq?: number;
  readonly at: string;
  /** The rows the pull replaced or added: `before` null means the pull added it (undo deletes it). */
  readonly changes: readonly CatalogChange[];
  /** Learners the remote no longer lists; removed only when an instructor confirms. */
  readonly proposed_removals: readonly string[];
  readonly removals: 'pending' | 'applied' | 'kept' | 'none';
  readonly undone_at: string | null;
}

export type CatalogTable = 'learners' | 'vrPackages' | 'activities' | 'lessons';

export interface CatalogChange {
  readonly table: CatalogTable;
  readonly key: string;
  readonly before: unknown;
}

/** Text a learner typed in an open form, saved when the kiosk signed them out, and only ever shown to them. */
export interface DraftRow {
  readonly user_id: string;
  readonly form_key: string;
  readonly values: Readonly<Record<string, string>>;
  readonly saved_at: string;
}
