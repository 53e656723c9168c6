import type { ScormVersion } from '../schemas/scorm-package';
import type { ScormCompletionStatus, ScormScore, ScormSuccessStatus } from '../schemas/scorm-session';
import { outcome12, outcome2004 } from './cmi-status';
import type { ItemOutcome } from './cmi-status';
import { itemCmi } from './sco-keys';

export interface RolledUp {
  readonly completion_status: ScormCompletionStatus;
  readonly success_status: ScormSuccessStatus;
  readonly score: ScormScore | null;
}

/**
 * The session's status from its items' data models. One item: its own outcome. Several: completed when
 * every tracked item is completed, incomplete once any is started; failed if any failed, passed when all
 * are completed and none failed but some passed; the score is the mean of the items' scaled (and raw)
 * scores. This is the default rollup of SCORM 2004 sequencing; authored rollup rules are not evaluated
 * (docs/scorm-support.md).
 */
export function rollUp(version: ScormVersion, cmi: Readonly<Record<string, string>>, itemIds: readonly string[]): RolledUp {
  const read = version === '1.2' ? outcome12 : outcome2004;
  const multi = itemIds.length > 1;
  const outcomes: ItemOutcome[] = (multi ? itemIds : [itemIds[0] ?? '']).map((id) => read(itemCmi(cmi, id, multi)));
  const completion: ScormCompletionStatus = outcomes.every((o) => o.completion === 'completed')
    ? 'completed'
    : outcomes.some((o) => o.completion === 'completed' || o.completion === 'incomplete')
      ? 'incomplete'
      : outcomes.every((o) => o.completion === 'unknown')
        ? 'unknown'
        : 'not attempted';
  const success: ScormSuccessStatus = outcomes.some((o) => o.success === 'failed')
    ? 'failed'
    : outcomes.some((o) => o.success === 'passed') && (!multi || completion === 'completed')
      ? 'passed'
      : 'unknown';
  const scores = outcomes.flatMap((o) => (o.score ? [o.score] : []));
  if (!multi || scores.length <= 1) return { completion_status: completion, success_status: success, score: scores[0] ?? null };
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);
  const scaled = mean(scores.flatMap((s) => (typeof s.scaled === 'number' ? [s.scaled] : [])));
  const raw = mean(scores.flatMap((s) => (typeof s.raw === 'number' ? [s.raw] : [])));
  return { completion_status: completion, success_status: success, score: { ...(scaled === undefined ? {} : { scaled }), ...(raw === undefined ? {} : { raw }) } };
}
