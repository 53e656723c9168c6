import type { HeadsetComplete, HeadsetEvent } from '../../../shared/headset-api/headset-api-wire';
import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import { SCORE_MAX } from '../../../shared/schemas/vr-session-complete';
import type { VrSessionRow } from '../db/rows';
import { completeVrSession } from './vr-session-complete';
import type { CompletedVrSession } from './vr-session-complete';
import type { CompletionPorts } from './vr-completion-statement';
import type { DataPorts } from './data-ports';

export type HeadsetWrite = { readonly ok: true; readonly session: VrSessionRow } | { readonly ok: false; readonly error: 'SESSION_NOT_FOUND' | 'ALREADY_COMPLETED' | 'INVALID_TRANSITION' | 'PROFILE_NOT_FOUND'; readonly message: string };

/**
 * The seed's complete body from what the headset measured: score raw/max as the seed's 0–100 (so
 * passed/failed follows its 70 rule), seconds as minutes. Two decimals keep 7/9 from an endless fraction.
 */
export function seedCompletionOf(report: HeadsetComplete): CompleteVrSessionRequest {
  const body: { score?: number; time_spent_minutes?: number } = {};
  if (report.score) body.score = Math.round((report.score.raw / report.score.max) * SCORE_MAX * 100) / 100;
  if (report.time_spent_seconds !== undefined) body.time_spent_minutes = report.time_spent_seconds / 60;
  return body;
}

/** Only a learner's auto_detect session takes reports from a headset; anything else looks missing. */
async function headsetSession(ports: DataPorts, sessionId: string): Promise<VrSessionRow | null> {
  const session = await ports.db.vrSessions.get(sessionId);
  return session && session.completion_mode === 'auto_detect' ? session : null;
}

/**
 * The headset says the experience is done. The same write as a learner's completion (session, activity
 * progress, the remote's complete and the xAPI statement, one transaction), then marked as reported by
 * the headset: `self_reported: false`.
 */
export async function completeVrSessionFromHeadset(ports: CompletionPorts, sessionId: string, report: HeadsetComplete): Promise<HeadsetWrite> {
  const { db } = ports;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.activityProgress, db.outbox, db.learners], async (): Promise<HeadsetWrite> => {
    const session = await headsetSession(ports, sessionId);
    if (!session) return { ok: false, error: 'SESSION_NOT_FOUND', message: 'VR session not found' };
    const learner = await db.learners.get(session.user_id);
    if (!learner) return { ok: false, error: 'PROFILE_NOT_FOUND', message: 'The learner is no longer on this kiosk' };
    const done: CompletedVrSession = await completeVrSession(ports, learner, sessionId, seedCompletionOf(report));
    if (!done.ok) return done;
    const marked: VrSessionRow = { ...done.session, self_reported: false };
    await db.vrSessions.put(marked);
    return { ok: true, session: marked };
  });
}

/** Progress (0–1) while the experience runs: kept on the kiosk for the instructor's picture. */
export async function recordHeadsetProgress(ports: DataPorts, sessionId: string, progress: number, verb = 'progressed'): Promise<HeadsetWrite> {
  const { db } = ports;
  return db.transaction('rw', db.vrSessions, async (): Promise<HeadsetWrite> => {
    const session = await headsetSession(ports, sessionId);
    if (!session) return { ok: false, error: 'SESSION_NOT_FOUND', message: 'VR session not found' };
    if (session.status === 'completed') return { ok: false, error: 'ALREADY_COMPLETED', message: 'Session is already completed' };
    const next: VrSessionRow = { ...session, headset_progress: progress, headset_last_event: { verb, at: ports.now().toISOString() } };
    await db.vrSessions.put(next);
    return { ok: true, session: next };
  });
}

/** An xAPI-style event: its verb is kept (and its progress, if it carries one). */
export async function recordHeadsetEvent(ports: DataPorts, sessionId: string, event: HeadsetEvent): Promise<HeadsetWrite> {
  const { db } = ports;
  const progress = event.result?.progress;
  if (progress !== undefined) return recordHeadsetProgress(ports, sessionId, progress, event.verb);
  return db.transaction('rw', db.vrSessions, async (): Promise<HeadsetWrite> => {
    const session = await headsetSession(ports, sessionId);
    if (!session) return { ok: false, error: 'SESSION_NOT_FOUND', message: 'VR session not found' };
    if (session.status === 'completed') return { ok: false, error: 'ALREADY_COMPLETED', message: 'Session is already completed' };
    const next: VrSessionRow = { ...session, headset_last_event: { verb: event.verb, at: ports.now().toISOString() } };
    await db.vrSessions.put(next);
    return { ok: true, session: next };
  });
}
