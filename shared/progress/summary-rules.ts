/**
 * A change a summary cannot follow by itself (the row it keeps as the newest went away, say): the caller
 * reads the summary's rows again and summarises them afresh. Shared by every summary kind
 * (vr-summary.ts, lesson-summary.ts) and the database middleware that keeps them.
 */
export const REBUILD = Symbol('rebuild the summary from its rows');
