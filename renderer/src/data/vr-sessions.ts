/**
 * VR sessions: the one write path. The local API's routes, the headset steps and the components call
 * these; nothing else writes vrSessions or queues their operations.
 */
export { createVrSession } from './vr-session-create';
export type { CreatedVrSession, SessionOwner } from './vr-session-create';
export { completeVrSession } from './vr-session-complete';
export type { CompletedVrSession, CompletingLearner } from './vr-session-complete';
export { markDownloaded, markDownloadStarted, markLaunched, vrStepTables } from './vr-session-steps';
export type { StepResult } from './vr-session-steps';
export { recordSideloadUpdate } from './sideload-jobs';
export { completeVrSessionFromHeadset, recordHeadsetEvent, recordHeadsetProgress, seedCompletionOf } from './vr-session-headset';
export type { HeadsetWrite } from './vr-session-headset';
