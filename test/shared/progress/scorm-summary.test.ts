import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import type { GridActivity } from '../../../shared/progress/build-grid';
import { scormCell } from '../../../shared/progress/scorm-cell';
import { applyToScormSummary, scormSummaryCell, summarizeScormSessions } from '../../../shared/progress/scorm-summary';
import type { ScormSummary, ScormSummarySession } from '../../../shared/progress/scorm-summary';
import { REBUILD } from '../../../shared/progress/summary-rules';

const BASE = Date.UTC(2026, 2, 2, 8, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const LEARNERS = ['ann', 'ben', 'cat', 'dan'];
const COURSES = ['c0', 'c1', 'c2'];

const scoreArb = fc.option(fc.record({ scaled: fc.option(fc.constantFrom(-0.5, 0, 0.4, 1), { nil: null }), raw: fc.option(fc.constantFrom(0, 40, 80), { nil: undefined }), max: fc.option(fc.constant(100), { nil: undefined }) }), { nil: null });

/** One session; ids and update times come from small pools so that sessions share update times. */
const sessionArb = (learners = 1, courses = 1) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 40 }),
      learner: fc.integer({ min: 0, max: learners - 1 }),
      course: fc.integer({ min: 0, max: courses - 1 }),
      updated: fc.integer({ min: 0, max: 5 }),
      completion: fc.constantFrom('completed', 'incomplete', 'not attempted', 'unknown'),
      success: fc.constantFrom('passed', 'failed', 'unknown'),
      score: scoreArb,
      seconds: fc.constantFrom(0, 1, 60, 613, 3600),
    })
    .map(
      (s): ScormSummarySession => ({
        id: `s${String(s.id).padStart(3, '0')}`,
        user_id: LEARNERS[s.learner]!,
        package_id: COURSES[s.course]!,
        updated_at: at(s.updated),
        completion_status: s.completion,
        success_status: s.success,
        score: s.score,
        time_spent_seconds: s.seconds,
      }),
    );
const sessionsArb = (learners = 1, courses = 1, maxLength = 25) => fc.uniqueArray(sessionArb(learners, courses), { selector: (s) => s.id, maxLength });

/** As the grid read a learner's sessions (the user_id index: by id), learners in the class's order. */
const asRead = (sessions: readonly ScormSummarySession[]) => [...sessions].sort((a, b) => LEARNERS.indexOf(a.user_id) - LEARNERS.indexOf(b.user_id) || (a.id < b.id ? -1 : 1));

describe('a SCORM summary', () => {
  it('gives the cell scormCell gives from the sessions it summarises', () => {
    fc.assert(
      fc.property(sessionsArb(), (sessions) => {
        const summary = summarizeScormSessions(sessions);
        if (sessions.length === 0) expect(summary).toBeNull();
        else expect(scormSummaryCell(summary!)).toEqual(scormCell(asRead(sessions)));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows adds, deletes and commits (status, score, time, update time changed) one change at a time, its cell always scormCell of the sessions', () => {
    const commitArb = fc.record({ updated: fc.integer({ min: 0, max: 8 }), completion: fc.constantFrom('completed', 'incomplete'), success: fc.constantFrom('passed', 'failed', 'unknown'), score: scoreArb, seconds: fc.constantFrom(0, 30, 600) });
    const changeArb = fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: sessionsArb(1, 1, 3), commit: fc.array(fc.tuple(fc.nat(), commitArb), { maxLength: 2 }) });
    const seen = { followed: 0, rebuilt: 0 };
    fc.assert(
      fc.property(sessionsArb(), fc.array(changeArb, { maxLength: 12 }), (start, changes) => {
        let rows = [...start];
        let summary: ScormSummary | null = summarizeScormSessions(rows);
        for (const change of changes) {
          const removed = rows.length === 0 ? [] : [...new Set(change.remove.map((n) => rows[n % rows.length]!))];
          const gone = new Set(removed.map((r) => r.id));
          const left = rows.filter((r) => !gone.has(r.id));
          const committed = new Map<string, ScormSummarySession>();
          if (left.length > 0) {
            for (const [n, c] of change.commit) {
              const old = left[n % left.length]!;
              committed.set(old.id, { ...old, updated_at: at(c.updated), completion_status: c.completion, success_status: c.success, score: c.score, time_spent_seconds: old.time_spent_seconds + c.seconds });
            }
          }
          const added = [...change.add.filter((a) => !committed.has(a.id)), ...committed.values()];
          const replaced = left.filter((r) => added.some((a) => a.id === r.id));
          const out = [...removed, ...replaced];
          rows = [...rows.filter((r) => !out.includes(r)), ...added];
          const next = applyToScormSummary(summary ?? undefined, out, added);
          seen[next === REBUILD ? 'rebuilt' : 'followed'] += 1;
          summary = next === REBUILD ? summarizeScormSessions(rows) : next;
          expect(summary).toEqual(summarizeScormSessions(rows));
          if (rows.length === 0) expect(summary).toBeNull();
          else expect(scormSummaryCell(summary!)).toEqual(scormCell(asRead(rows)));
        }
      }),
      { numRuns: 1000 },
    );
    expect(seen.followed).toBeGreaterThan(seen.rebuilt);
    expect(seen.rebuilt).toBeGreaterThan(0);
  });

  it('takes the latest as scormCell does and asks to be rebuilt rather than guess', () => {
    const a = { id: 'a', user_id: 'ann', package_id: 'c0', updated_at: at(1), completion_status: 'completed', success_status: 'failed', score: null, time_spent_seconds: 60 } as const;
    const b = { ...a, id: 'b', success_status: 'passed' } as const;
    const older = { ...a, id: 'c', updated_at: at(0) };
    const summary = summarizeScormSessions([b, older, a])!;
    expect(summary.latest.id).toBe('a');
    expect(summary.first_id).toBe('a');
    expect(scormSummaryCell(summary)).toEqual(scormCell([a, b, older]));
    expect(applyToScormSummary(summary, [a], [])).toBe(REBUILD);
    expect(applyToScormSummary(summary, [older], [])).toEqual(summarizeScormSessions([a, b]));
    expect(applyToScormSummary(summarizeScormSessions([older])!, [{ ...older, time_spent_seconds: Number.NaN }], [])).toBe(REBUILD);
    expect(applyToScormSummary(summarizeScormSessions([older])!, [older, a], [])).toBe(REBUILD);
    expect(applyToScormSummary(summarizeScormSessions([older])!, [older], [])).toBeNull();
  });
});

describe('the class grid from SCORM summaries', () => {
  it('equals buildGrid from every session: cells and columns', () => {
    const known: GridActivity[] = [{ key: 'scorm:c1', kind: 'scorm', id: 'c1', title: 'Course 1' }];
    const learners = LEARNERS.slice(0, 3).map((id) => ({ id, name: id }));
    const now = new Date(at(100));
    fc.assert(
      fc.property(sessionsArb(4, 3, 40), (sessions) => {
        const groups = new Map<string, ScormSummarySession[]>();
        for (const s of sessions) groups.set(`${s.user_id}/${s.package_id}`, [...(groups.get(`${s.user_id}/${s.package_id}`) ?? []), s]);
        const summaries = [...groups.values()].map((group) => summarizeScormSessions(group)!).sort((a, b) => LEARNERS.indexOf(a.user_id) - LEARNERS.indexOf(b.user_id) || (a.package_id < b.package_id ? -1 : 1));
        const none = { vr: [], tries: [], plays: [] };
        expect(buildClassGrid(learners, known, { ...none, scorm: summaries }, now)).toEqual(buildGrid(learners, known, { ...none, scorm: asRead(sessions) }, now));
      }),
      { numRuns: 1500 },
    );
  });
});
