import { Dexie } from 'dexie';
import type { LaunchResult } from '../../../shared/headsets/sideload-contract';
import type { DataPorts } from '../data/data-ports';
import { markLaunched } from '../data/vr-session-steps';
import type { OutpostDb } from '../db/outpost-db';

export type LaunchRecord = 'started' | 'unchanged';

/**
 * A launch the headset confirmed (the app is in the foreground) starts the learner's session. Only a
 * downloaded session moves: one still downloading never got its APK verified, and a relaunch of one
 * already in progress keeps its first_launch_at.
 */
export async function recordConfirmedLaunch(ports: DataPorts, sessionId: string, result: LaunchResult): Promise<LaunchRecord> {
  if (!result.ok) return 'unchanged';
  return (await markLaunched(ports, sessionId, new Date(result.confirmed_at))) === 'moved' ? 'started' : 'unchanged';
}

/**
 * The session whose APK most recently reached this headset, for a launch after the page that assigned it
 * was closed: the job rows remember what the page's state forgot.
 */
export async function sessionInstalledOn(db: OutpostDb, serial: string, packageId: string): Promise<string | null> {
  const jobs = await db.sideloadJobs.where('[serial+created_at]').between([serial, Dexie.minKey], [serial, Dexie.maxKey]).reverse().toArray();
  const job = jobs.find((j) => j.package_id === packageId && j.vr_session_id !== null && (j.status === 'done' || j.status === 'skipped'));
  return job?.vr_session_id ?? null;
}

/** A session the headset completes by itself: auto_detect and not yet completed. */
export async function reportsFromHeadset(db: OutpostDb, sessionId: string): Promise<boolean> {
  const session = await db.vrSessions.get(sessionId);
  return session !== undefined && session.completion_mode === 'auto_detect' && session.status !== 'completed';
}
