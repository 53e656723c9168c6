import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import type { GridActivity } from '../../../shared/progress/build-grid';
import { longRunning, longRunningCounted, mergeCounted } from '../../../shared/progress/long-sessions';
import { applyToSummary, REBUILD, summarize, vrSummaryCell } from '../../../shared/progress/vr-summary';
import type { VrSummary, VrSummarySession } from '../../../shared/progress/vr-summary';
import { vrCell } from '../../../shared/progress/vr-cell';

const BASE = Date.UTC(2026, 2, 2, 8, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const LEARNERS = ['ann', 'ben', 'cat', 'dan'];
const PACKAGES = ['p0', 'p1', 'p2'];

/** One session; ids and start times come from small pools so that sessions share start times. */
const sessionArb = (learners = 1, packages = 1) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 40 }),
      learner: fc.integer({ min: 0, max: learners - 1 }),
      pkg: fc.integer({ min: 0, max: packages - 1 }),
      status: fc.constantFrom('downloading', 'downloaded', 'in_progress', 'completed'),
      created: fc.integer({ min: 0, max: 5 }),
      launched: fc.option(fc.integer({ min: 0, max: 170 }), { nil: null }),
      seconds: fc.constantFrom(0, 60, 600, 1200, 3600),
      scaled: fc.option(fc.constantFrom(0, 0.4, 1, 1.5), { nil: null }),
      success: fc.constantFrom('passed', 'failed', null),
    })
    .map(
      (s): VrSummarySession => ({
        id: `s${String(s.id).padStart(3, '0')}`,
        user_id: LEARNERS[s.learner]!,
        package_id: PACKAGES[s.pkg]!,
        status: s.status,
        created_at: at(s.created),
        first_launch_at: s.launched === null ? null : at(s.launched),
        completed_at: s.status === 'completed' ? at(60) : null,
        score: s.scaled === null ? null : { raw: s.scaled * 100, max: 100, scaled: s.scaled },
        success_status: s.status === 'completed' ? s.success : null,
        time_spent_seconds: s.status === 'completed' ? s.seconds : 0,
      }),
    );
const sessionsArb = (learners = 1, packages = 1, maxLength = 25) => fc.uniqueArray(sessionArb(learners, packages), { selector: (s) => s.id, maxLength });

/** As IndexedDB returns a learner's sessions (by id), learners in the class's order. */
const asRead = (sessions: readonly VrSummarySession[]) => [...sessions].sort((a, b) => LEARNERS.indexOf(a.user_id) - LEARNERS.indexOf(b.user_id) || (a.id < b.id ? -1 : 1));
const NOWS = [at(0), at(30), at(180)].map((iso) => new Date(iso));

describe('a VR summary', () => {
  it('gives the cell vrCell gives from the sessions it summarises', () => {
    fc.assert(
      fc.property(sessionsArb(), fc.constantFrom(...NOWS), (sessions, now) => {
        const summary = summarize(sessions);
        if (sessions.length === 0) expect(summary).toBeNull();
        else expect(vrSummaryCell(summary!, now)).toEqual(vrCell(asRead(sessions), now));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows removals and additions one change at a time, or asks to be rebuilt, ending where a fresh summary is', () => {
    const changeArb = fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: sessionsArb(1, 1, 3) });
    const seen = { followed: 0, rebuilt: 0 };
    fc.assert(
      fc.property(sessionsArb(), fc.array(changeArb, { maxLength: 12 }), (start, changes) => {
        let rows = [...start];
        let summary: VrSummary | null = summarize(rows);
        for (const change of changes) {
          const removed = rows.length === 0 ? [] : [...new Set(change.remove.map((n) => rows[n % rows.length]!))];
          const gone = new Set(removed.map((r) => r.id));
          // An added session with an id still present replaces it (an update): its old row is removed too.
          const replaced = rows.filter((r) => !gone.has(r.id) && change.add.some((a) => a.id === r.id));
          const out = [...removed, ...replaced];
          rows = [...rows.filter((r) => !out.includes(r)), ...change.add];
          const next = applyToSummary(summary ?? undefined, out, change.add);
          seen[next === REBUILD ? 'rebuilt' : 'followed'] += 1;
          summary = next === REBUILD ? summarize(rows) : next;
          expect(summary).toEqual(summarize(rows));
        }
      }),
      { numRuns: 1000 },
    );
    // Most changes are followed without reading the sessions again; the rebuild path is exercised too.
    expect(seen.followed).toBeGreaterThan(seen.rebuilt);
    expect(seen.rebuilt).toBeGreaterThan(0);
  });

  it('asks to be rebuilt rather than guess, when its newest session goes and nothing newer comes', () => {
    // The older has the larger id: removing it touches neither the newest nor the smallest id.
    const older = { id: 'b', user_id: 'ann', package_id: 'p0', status: 'completed', created_at: at(1), first_launch_at: null, completed_at: at(2), score: null, success_status: 'passed', time_spent_seconds: 60 } as const;
    const newer = { ...older, id: 'a', created_at: at(3) };
    const both = summarize([older, newer])!;
    expect(both.newest.id).toBe('a');
    expect(applyToSummary(both, [newer], [])).toBe(REBUILD);
    expect(applyToSummary(both, [older], [])).toEqual(summarize([newer]));
    // The newest updated in place (completed later, same start) is followed without reading anything.
    expect(applyToSummary(both, [newer], [{ ...newer, success_status: 'failed' }])).toEqual(summarize([older, { ...newer, success_status: 'failed' }]));
    // A removal it never counted (out of step) is no figure to trust either.
    expect(applyToSummary(summarize([older])!, [{ ...older, id: 'z', time_spent_seconds: 999 }], [])).toBe(REBUILD);
    expect(applyToSummary(summarize([older])!, [older], [])).toBeNull();
  });
});

describe('the class grid from summaries', () => {
  it('equals buildGrid from every session: cells, long-session flags and columns', () => {
    const known: GridActivity[] = [{ key: 'vr:p0', kind: 'vr', id: 'p0', title: 'VR 0' }];
    const learners = LEARNERS.slice(0, 3).map((id) => ({ id, name: id }));
    fc.assert(
      fc.property(sessionsArb(4, 3, 40), fc.constantFrom(...NOWS), (sessions, now) => {
        const pairs = new Map<string, VrSummarySession[]>();
        for (const s of sessions) pairs.set(`${s.user_id}/${s.package_id}`, [...(pairs.get(`${s.user_id}/${s.package_id}`) ?? []), s]);
        // Summaries come per learner, in key order (package id), as the page reads them.
        const summaries = [...pairs.values()].map((group) => summarize(group)!).sort((a, b) => LEARNERS.indexOf(a.user_id) - LEARNERS.indexOf(b.user_id) || (a.package_id < b.package_id ? -1 : 1));
        const none = { scorm: [], tries: [], plays: [] };
        expect(buildClassGrid(learners, known, { vr: summaries, ...none }, now)).toEqual(buildGrid(learners, known, { vr: asRead(sessions), ...none }, now));
      }),
      { numRuns: 1500 },
    );
  });

  it('flags the same long sessions from counted finished times as from the list', () => {
    const runningArb = fc.dictionary(fc.constantFrom(...LEARNERS), fc.integer({ min: 0, max: 20_000 }));
    const finishedArb = fc.array(fc.constantFrom(0, 60, 600, 900, 1200, 3600), { maxLength: 30 });
    fc.assert(
      fc.property(runningArb, finishedArb, fc.integer({ min: 1, max: 3 }), (running, finished, lists) => {
        const counts = (values: readonly number[]) => mergeCounted([values.map((v) => [v, 1] as const)]);
        // The finished times split over several learners' summaries, merged back.
        const split = Array.from({ length: lists }, (_, i) => counts(finished.filter((_, j) => j % lists === i)));
        const byLearner = new Map(Object.entries(running));
        expect(longRunningCounted(byLearner, mergeCounted(split))).toEqual(longRunning(byLearner, finished));
      }),
      { numRuns: 3000 },
    );
  });
});
