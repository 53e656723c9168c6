import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import { changeSum, exactSum, roundSum, sumValue, ZERO_SUM } from '../../../shared/progress/exact-sum';
import { exerciseCell } from '../../../shared/progress/exercise-cell';
import { applyToExerciseSummary, exerciseSummaryCell, summarizeExerciseTries } from '../../../shared/progress/exercise-summary';
import type { ExerciseSummary, ExerciseSummaryTry } from '../../../shared/progress/exercise-summary';
import { REBUILD } from '../../../shared/progress/summary-rules';

const BASE = Date.UTC(2026, 2, 2, 8, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const LEARNERS = ['ann', 'ben', 'cat', 'dan'];
const EXERCISES = ['e0', 'e1', 'e2'];
/** Fractional times whose floating-point sums depend on their order. */
const TIMES = [0, 0.1, 0.2, 0.3, 0.5, 1 / 3, 2.5, 95.4, 1e-7, 1e16];

/** One try; ids, end times and levels come from small pools so that tries tie on end time and level. */
const tryArb = (learners = 1, exercises = 1) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 40 }),
      learner: fc.integer({ min: 0, max: learners - 1 }),
      exercise: fc.integer({ min: 0, max: exercises - 1 }),
      end: fc.integer({ min: 0, max: 4 }),
      level: fc.constantFrom(1, 2, 3, -1, -2),
      complete: fc.boolean(),
      attempts: fc.integer({ min: 0, max: 9 }),
      correct: fc.constantFrom(0, 0.5, 2, 3.25),
      time: fc.constantFrom(...TIMES),
    })
    .map(
      (t): ExerciseSummaryTry => ({
        id: `t${String(t.id).padStart(3, '0')}`,
        user: LEARNERS[t.learner]!,
        content_id: EXERCISES[t.exercise]!,
        end_timestamp: at(t.end),
        mastery_level: t.level,
        complete: t.complete,
        attempt_count: t.attempts,
        correct_sum: Math.min(t.correct, t.attempts),
        time_spent: t.time,
      }),
    );
const triesArb = (learners = 1, exercises = 1, maxLength = 25) => fc.uniqueArray(tryArb(learners, exercises), { selector: (t) => t.id, maxLength });

/** As the grid read a learner's tries ([user+content_id], then id), learners in the class's order. */
const asRead = (tries: readonly ExerciseSummaryTry[]) => [...tries].sort((a, b) => LEARNERS.indexOf(a.user) - LEARNERS.indexOf(b.user) || (a.content_id < b.content_id ? -1 : a.content_id > b.content_id ? 1 : 0) || (a.id < b.id ? -1 : 1));

describe('an exact sum', () => {
  it('does not depend on the order of its values, and takes a value out exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...TIMES), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 12 }), fc.nat(), (values, cut) => {
        const sum = exactSum(values);
        expect(exactSum([...values].reverse())).toEqual(sum);
        const k = values.length === 0 ? 0 : cut % values.length;
        expect(changeSum(exactSum(values.slice(0, k)), values.slice(k))).toEqual(sum);
        expect(changeSum(sum, [], values)).toEqual(ZERO_SUM);
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds as Math.round rounds the true value, and counts are the plain sum', () => {
    expect(roundSum(exactSum([0.1, 0.2, 0.2]))).toBe(1);
    expect(roundSum(exactSum([2.5]))).toBe(3);
    expect(roundSum(exactSum([-2.5]))).toBe(-2);
    expect(roundSum(exactSum([0.49999999999999994]))).toBe(0);
    expect(roundSum(exactSum([95.4, 0.1]))).toBe(96);
    expect(roundSum(exactSum([1e16, 1, 1]))).toBe(1e16 + 2);
    expect(sumValue(exactSum([4, 5, 1e-7, -1e-7]))).toBe(9);
    expect(exactSum([Number.NaN, Number.POSITIVE_INFINITY, 3])).toEqual(exactSum([3]));
    expect(exactSum([12])).toEqual({ m: '3', e: 2 });
  });
});

describe('an exercise summary', () => {
  it('gives the cell exerciseCell gives from the tries it summarises, in any order', () => {
    fc.assert(
      fc.property(triesArb(), (tries) => {
        const summary = summarizeExerciseTries(tries);
        if (tries.length === 0) expect(summary).toBeNull();
        else {
          expect(exerciseSummaryCell(summary!)).toEqual(exerciseCell(asRead(tries)));
          expect(exerciseCell([...tries].reverse())).toEqual(exerciseCell(tries));
          expect(summarizeExerciseTries([...tries].reverse())).toEqual(summary);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('follows adds, deletes and updates (time added, answers, completion) one change at a time, equal to a fresh summary', () => {
    const updateArb = fc.record({ end: fc.integer({ min: 0, max: 7 }), delta: fc.constantFrom(0, 0.1, 0.7, 5), attempts: fc.integer({ min: 0, max: 2 }), complete: fc.boolean() });
    const changeArb = fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: triesArb(1, 1, 3), update: fc.array(fc.tuple(fc.nat(), updateArb), { maxLength: 2 }) });
    const seen = { followed: 0, rebuilt: 0 };
    fc.assert(
      fc.property(triesArb(), fc.array(changeArb, { maxLength: 12 }), (start, changes) => {
        let rows = [...start];
        let summary: ExerciseSummary | null = summarizeExerciseTries(rows);
        for (const change of changes) {
          const removed = rows.length === 0 ? [] : [...new Set(change.remove.map((n) => rows[n % rows.length]!))];
          const gone = new Set(removed.map((r) => r.id));
          const left = rows.filter((r) => !gone.has(r.id));
          const updated = new Map<string, ExerciseSummaryTry>();
          if (left.length > 0) {
            for (const [n, u] of change.update) {
              const old = left[n % left.length]!;
              updated.set(old.id, { ...old, end_timestamp: at(u.end), time_spent: old.time_spent + u.delta, attempt_count: old.attempt_count + u.attempts, complete: old.complete || u.complete });
            }
          }
          const added = [...change.add.filter((a) => !updated.has(a.id)), ...updated.values()];
          const replaced = left.filter((r) => added.some((a) => a.id === r.id));
          const out = [...removed, ...replaced];
          rows = [...rows.filter((r) => !out.includes(r)), ...added];
          const next = applyToExerciseSummary(summary ?? undefined, out, added);
          seen[next === REBUILD ? 'rebuilt' : 'followed'] += 1;
          summary = next === REBUILD ? summarizeExerciseTries(rows) : next;
          expect(summary).toEqual(summarizeExerciseTries(rows));
          if (rows.length === 0) expect(summary).toBeNull();
          else expect(exerciseSummaryCell(summary!)).toEqual(exerciseCell(asRead(rows)));
        }
      }),
      { numRuns: 1000 },
    );
    expect(seen.followed).toBeGreaterThan(seen.rebuilt);
    expect(seen.rebuilt).toBeGreaterThan(0);
  });

  it('takes the latest by end time, then level, then id, and asks to be rebuilt rather than guess', () => {
    const a: ExerciseSummaryTry = { id: 'a', user: 'ann', content_id: 'e0', end_timestamp: at(1), mastery_level: 1, complete: false, attempt_count: 5, correct_sum: 1, time_spent: 0.1 };
    const b = { ...a, id: 'b', mastery_level: -2, complete: true, time_spent: 0.2 };
    const c = { ...a, id: 'c', mastery_level: 2, time_spent: 0.2 };
    const older = { ...a, id: 'd', end_timestamp: at(0), mastery_level: 9 };
    const summary = summarizeExerciseTries([c, older, a, b])!;
    expect(summary.latest.id).toBe('b');
    expect(summary.complete_count).toBe(1);
    expect(exerciseSummaryCell(summary)).toEqual(exerciseCell([a, b, c, older]));
    expect(exerciseSummaryCell(summary)).toMatchObject({ status: 'completed', seconds: 1, attempts: 20 });
    expect(applyToExerciseSummary(summary, [b], [])).toBe(REBUILD);
    expect(applyToExerciseSummary(summary, [older], [])).toEqual(summarizeExerciseTries([a, b, c]));
    expect(applyToExerciseSummary(summarizeExerciseTries([older])!, [older, a], [])).toBe(REBUILD);
    expect(applyToExerciseSummary(summarizeExerciseTries([older])!, [older], [])).toBeNull();
  });
});

describe('the class grid from exercise summaries', () => {
  it('equals buildGrid from every try: cells and columns', () => {
    const learners = LEARNERS.slice(0, 3).map((id) => ({ id, name: id }));
    const now = new Date(at(100));
    fc.assert(
      fc.property(triesArb(4, 3, 40), (tries) => {
        const groups = new Map<string, ExerciseSummaryTry[]>();
        for (const t of tries) groups.set(`${t.user}/${t.content_id}`, [...(groups.get(`${t.user}/${t.content_id}`) ?? []), t]);
        const summaries = [...groups.values()].map((group) => summarizeExerciseTries(group)!).sort((a, b) => LEARNERS.indexOf(a.user) - LEARNERS.indexOf(b.user));
        const none = { vr: [], scorm: [], plays: [] };
        expect(buildClassGrid(learners, [], { ...none, tries: summaries }, now)).toEqual(buildGrid(learners, [], { ...none, tries: asRead(tries) }, now));
      }),
      { numRuns: 1500 },
    );
  });
});
