import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../../shared/schemas/content-session';
import type { StartContentSessionRequestInput, UpdateContentSessionRequestInput } from '../../../shared/schemas/content-session';
import { planStart } from '../../../shared/mastery/logger-start';
import type { StartPlan } from '../../../shared/mastery/logger-start';
import { planUpdate } from '../../../shared/mastery/logger-update';
import type { UpdatePlan } from '../../../shared/mastery/logger-update';
import type { AttemptRecord, MasteryRecord, SummaryRecord } from '../../../shared/mastery/logger-records';

/** A tiny in-memory logger over the shared rules, the way both real sides drive them. */
export function memoryLogger(start = new Date('2025-01-01T00:00:00Z')) {
  let clock = start.getTime();
  let ids = 0;
  const summaries: SummaryRecord[] = [];
  const tries: MasteryRecord[] = [];
  const attempts = new Map<string, AttemptRecord>();
  const sessions = new Map<string, StartPlan['session']>();
  const tick = () => new Date((clock += 1000));
  const put = <T extends { id: string }>(list: T[], row: T) => {
    const at = list.findIndex((r) => r.id === row.id);
    if (at >= 0) list[at] = row;
    else list.push(row);
  };
  return {
    summaries,
    tries,
    attempts,
    start(input: StartContentSessionRequestInput, user = 'u1', quizLevel = -7): StartPlan {
      const body = startContentSessionRequestSchema.parse(input);
      const content = body.content_id ?? body.quiz_id;
      const summary = summaries.find((s) => s.user === user && s.content_id === content);
      const plan = planStart(body, { ...(summary ? { summary } : {}), tries: tries.filter((t) => t.summarylog === summary?.id) }, { user, now: tick(), newId: () => `id${(ids += 1)}`, quizLevel: () => quizLevel });
      put(summaries, plan.summary);
      if (plan.mastery) put(tries, plan.mastery);
      sessions.set(plan.session.id, plan.session);
      return plan;
    },
    update(sessionId: string, input: UpdateContentSessionRequestInput): UpdatePlan {
      const body = updateContentSessionRequestSchema.parse(input);
      const session = sessions.get(sessionId);
      if (!session) throw new Error('no session');
      const summary = summaries.find((s) => s.user === session.user && s.content_id === session.content_id);
      if (!summary) throw new Error('no summary');
      const mastery = tries.find((t) => t.summarylog === summary.id && t.mastery_level === session.mastery_level);
      const own = [...attempts.values()].filter((a) => a.masterylog === mastery?.id);
      const latestByItem = new Map<string, AttemptRecord>();
      for (const a of own.sort((x, y) => x.ordinal - y.ordinal)) latestByItem.set(a.item, a);
      const plan = planUpdate(body, { session, summary, ...(mastery ? { mastery } : {}), attemptsById: attempts, latestByItem }, tick(), (i) => `a${(ids += 1)}-${i}`);
      sessions.set(sessionId, plan.session);
      put(summaries, plan.summary);
      if (plan.mastery) put(tries, plan.mastery);
      for (const a of plan.attempts) attempts.set(a.id, a);
      return plan;
    },
  };
}

export const exercise = { node_id: 'n1', content_id: 'c1', channel_id: 'ch', kind: 'exercise', mastery_model: { type: 'm_of_n', m: 3, n: 5 } } as const;
export const answer = (item: string, correct: number, extra: Record<string, unknown> = {}) => ({ item, correct, time_spent: 5, complete: correct === 1, answer: { value: String(correct) }, ...extra });
