import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildClassGrid, buildGrid } from '../../../shared/progress/build-grid';
import type { GridActivity } from '../../../shared/progress/build-grid';
import { lessonCell } from '../../../shared/progress/lesson-cell';
import { applyToLessonSummary, lessonSummaryCell, summarizeLessonPlays } from '../../../shared/progress/lesson-summary';
import type { LessonPlaySummary, LessonSummaryPlay } from '../../../shared/progress/lesson-summary';
import { REBUILD } from '../../../shared/progress/summary-rules';

const BASE = Date.UTC(2026, 2, 2, 8, 0, 0);
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const LEARNERS = ['ann', 'ben', 'cat', 'dan'];
const LESSONS = ['l0', 'l1', 'l2'];
const GRADES = ['A+', 'A', 'B', 'C', 'D', 'E', 'F'] as const;

/**
 * One play; ids and creation times come from small pools so that plays share creation times. Times are in
 * whole, half and quarter seconds (exact in binary floating point, so the order of a sum does not change it).
 */
const playArb = (learners = 1, lessons = 1) =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 40 }),
      learner: fc.integer({ min: 0, max: learners - 1 }),
      lesson: fc.integer({ min: 0, max: lessons - 1 }),
      created: fc.integer({ min: 0, max: 5 }),
      completed: fc.option(fc.integer({ min: 6, max: 90 }), { nil: null }),
      grade: fc.option(fc.constantFrom(...GRADES), { nil: null }),
      time: fc.option(fc.constantFrom(0, 0.5, 30, 60.25, 900, 1800.75), { nil: undefined }),
    })
    .map((p): LessonSummaryPlay => {
      const play: LessonSummaryPlay = {
        id: `p${String(p.id).padStart(3, '0')}`,
        clientId: 'tenant',
        userId: LEARNERS[p.learner]!,
        lessonId: LESSONS[p.lesson]!,
        createdAt: at(p.created),
        completedAt: p.completed === null ? null : at(p.completed),
        averageGrade: p.grade,
      };
      return p.time === undefined ? play : { ...play, activityTime: p.time };
    });
const playsArb = (learners = 1, lessons = 1, maxLength = 25) => fc.uniqueArray(playArb(learners, lessons), { selector: (p) => p.id, maxLength });

/** As the grid read a learner's plays from [clientId+userId+createdAt+id], learners in the class's order. */
const asRead = (plays: readonly LessonSummaryPlay[]) =>
  [...plays].sort((a, b) => LEARNERS.indexOf(a.userId) - LEARNERS.indexOf(b.userId) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));

/** The same play changed later: completed (or completed at another time), graded again, its time grown. */
const updateArb = fc.record({ completed: fc.option(fc.integer({ min: 6, max: 90 }), { nil: null }), grade: fc.option(fc.constantFrom(...GRADES), { nil: null }), time: fc.constantFrom(0, 15, 120.5) });

describe('a lesson play summary', () => {
  it('gives the cell lessonCell gives from the plays it summarises', () => {
    fc.assert(
      fc.property(playsArb(), (plays) => {
        const summary = summarizeLessonPlays(plays);
        if (plays.length === 0) expect(summary).toBeNull();
        else expect(lessonSummaryCell(summary!)).toEqual(lessonCell(asRead(plays)));
      }),
      { numRuns: 2000 },
    );
  });

  it('follows adds, deletes and updates (completed later, grade changed) one change at a time, its cell always lessonCell of the plays', () => {
    const changeArb = fc.record({ remove: fc.array(fc.nat(), { maxLength: 3 }), add: playsArb(1, 1, 3), update: fc.array(fc.tuple(fc.nat(), updateArb), { maxLength: 2 }) });
    const seen = { followed: 0, rebuilt: 0 };
    fc.assert(
      fc.property(playsArb(), fc.array(changeArb, { maxLength: 12 }), (start, changes) => {
        let rows = [...start];
        let summary: LessonPlaySummary | null = summarizeLessonPlays(rows);
        for (const change of changes) {
          const removed = rows.length === 0 ? [] : [...new Set(change.remove.map((n) => rows[n % rows.length]!))];
          const gone = new Set(removed.map((r) => r.id));
          const left = rows.filter((r) => !gone.has(r.id));
          // Updates in place of rows that stay: the old row is removed and the changed one added.
          const updated = new Map<string, LessonSummaryPlay>();
          if (left.length > 0) {
            for (const [n, u] of change.update) {
              const old = left[n % left.length]!;
              updated.set(old.id, { ...old, completedAt: u.completed === null ? null : at(u.completed), averageGrade: u.grade, activityTime: (old.activityTime ?? 0) + u.time });
            }
          }
          // An added play with an id still present replaces it (a put over it).
          const added = [...change.add.filter((a) => !updated.has(a.id)), ...updated.values()];
          const replaced = left.filter((r) => added.some((a) => a.id === r.id));
          const out = [...removed, ...replaced];
          rows = [...rows.filter((r) => !out.includes(r)), ...added];
          const next = applyToLessonSummary(summary ?? undefined, out, added);
          seen[next === REBUILD ? 'rebuilt' : 'followed'] += 1;
          summary = next === REBUILD ? summarizeLessonPlays(rows) : next;
          expect(summary).toEqual(summarizeLessonPlays(rows));
          if (rows.length === 0) expect(summary).toBeNull();
          else expect(lessonSummaryCell(summary!)).toEqual(lessonCell(asRead(rows)));
        }
      }),
      { numRuns: 1000 },
    );
    // Most changes are followed without reading the plays again; the rebuild path is exercised too.
    expect(seen.followed).toBeGreaterThan(seen.rebuilt);
    expect(seen.rebuilt).toBeGreaterThan(0);
  });

  it('takes the latest as lessonCell does: greatest createdAt, then the play read first (smallest id)', () => {
    const base = { clientId: 't', userId: 'ann', lessonId: 'l0', createdAt: at(1), completedAt: null, averageGrade: null, activityTime: 10 } as const;
    const a = { ...base, id: 'a', averageGrade: 'A' } as const;
    const b = { ...base, id: 'b', completedAt: at(9), averageGrade: 'F' } as const;
    const older = { ...base, id: 'c', createdAt: at(0) };
    const summary = summarizeLessonPlays([b, older, a])!;
    expect(summary.latest).toEqual({ id: 'a', createdAt: at(1), completedAt: null, averageGrade: 'A' });
    expect(summary.oldest).toEqual({ id: 'c', createdAt: at(0) });
    expect(lessonSummaryCell(summary)).toEqual(lessonCell([older, a, b]));
    // Completing the latest in place is followed without reading anything.
    expect(applyToLessonSummary(summary, [a], [{ ...a, completedAt: at(5), averageGrade: 'B' }])).toEqual(summarizeLessonPlays([b, older, { ...a, completedAt: at(5), averageGrade: 'B' }]));
    // The latest deleted: the summary cannot know the next one by itself.
    expect(applyToLessonSummary(summary, [a], [])).toBe(REBUILD);
    // The oldest deleted: the same for the column order.
    expect(applyToLessonSummary(summary, [older], [])).toBe(REBUILD);
    expect(applyToLessonSummary(summarizeLessonPlays([a])!, [a], [])).toBeNull();
  });

  it('asks to be rebuilt rather than keep a figure it cannot trust', () => {
    const play = { id: 'a', clientId: 't', userId: 'ann', lessonId: 'l0', createdAt: at(1), completedAt: null, averageGrade: null, activityTime: 60 } as const;
    const other = { ...play, id: 'b', createdAt: at(0) };
    const both = summarizeLessonPlays([play, other])!;
    // A time that is no number, or a removal it never counted.
    expect(applyToLessonSummary(summarizeLessonPlays([play, { ...other, activityTime: Number.NaN }])!, [{ ...other, activityTime: Number.NaN }], [])).toBe(REBUILD);
    expect(applyToLessonSummary(summarizeLessonPlays([play])!, [play, other], [])).toBe(REBUILD);
    expect(applyToLessonSummary(both, [{ ...other, id: 'z', createdAt: at(3) }, play, other], [])).toBe(REBUILD);
    expect(applyToLessonSummary(undefined, [play], [])).toBe(REBUILD);
    expect(applyToLessonSummary(undefined, [], [])).toBeNull();
  });
});

describe('the class grid from lesson summaries', () => {
  it('equals buildGrid from every play: cells and columns (lessons the catalog lacks in the order plays show them)', () => {
    const known: GridActivity[] = [{ key: 'lesson:l1', kind: 'lesson', id: 'l1', title: 'Lesson 1' }];
    const learners = LEARNERS.slice(0, 3).map((id) => ({ id, name: id }));
    const now = new Date(at(100));
    fc.assert(
      fc.property(playsArb(4, 3, 40), (plays) => {
        const groups = new Map<string, LessonSummaryPlay[]>();
        for (const p of plays) groups.set(`${p.userId}/${p.lessonId}`, [...(groups.get(`${p.userId}/${p.lessonId}`) ?? []), p]);
        // Summaries come per learner, in key order (lesson id), as the page reads them.
        const summaries = [...groups.values()].map((group) => summarizeLessonPlays(group)!).sort((a, b) => LEARNERS.indexOf(a.userId) - LEARNERS.indexOf(b.userId) || (a.lessonId < b.lessonId ? -1 : 1));
        const none = { vr: [], scorm: [], tries: [] };
        expect(buildClassGrid(learners, known, { ...none, plays: summaries }, now)).toEqual(buildGrid(learners, known, { ...none, plays: asRead(plays) }, now));
      }),
      { numRuns: 1500 },
    );
  });
});
