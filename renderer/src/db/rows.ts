import type { Headset } from '../../../shared/headsets/headset';
import type { SideloadJob } from '../../../shared/headsets/sideload-job';
import type { Activity, ActivityProgress } from '../../../shared/schemas/activity';
import type { AttemptLog } from '../../../shared/schemas/attempt-log';
import type { ContentSessionLog } from '../../../shared/schemas/content-session-log';
import type { ContentSummaryLog } from '../../../shared/schemas/content-summary-log';
import type { MasteryLog } from '../../../shared/schemas/mastery-log';
import type { ScormPackage } from '../../../shared/schemas/scorm-package';
import type { ScormSession } from '../../../shared/schemas/scorm-session';
import type { VrPackageRecord } from '../../../shared/schemas/vr-package';
import type { VrSession } from '../../../shared/schemas/vr-session';
import type { OutboxOperation } from '../../../shared/sync/outbox-operation';

/**
 * What each table stores. Mostly the seed entities themselves; where an API response embeds or omits
 * something, the row keeps the normalised form and the local API rebuilds the response shape.
 */
export type VrPackageRow = VrPackageRecord;
/** The embedded `package` is joined from vrPackages on read, so a renamed package shows everywhere. */
export type VrSessionRow = Omit<VrSession, 'package'>;
export type ActivityRow = Activity;
export type ActivityProgressRow = ActivityProgress;
export type ScormPackageRow = ScormPackage;
export type ScormSessionRow = ScormSession;
export type ContentSessionLogRow = ContentSessionLog;
export type ContentSummaryLogRow = ContentSummaryLog;
/** The seed's mastery log omits its owner; the row keeps who and what it belongs to for the list filters. */
export type MasteryLogRow = MasteryLog & { user: string; content_id: string; summarylog: string };
export type AttemptLogRow = AttemptLog & { content_id: string };
export type OutboxRow = OutboxOperation;
export type HeadsetRow = Headset;
export type SideloadJobRow = SideloadJob;
