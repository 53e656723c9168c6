import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exerciseState, progressDelta, remainingToMaster, roundUpProgress } from '../../../shared/mastery/exercise-progress';

const tries = (marks: string) => [...marks].map((mark) => ({ correct: mark === '1' ? 1 : mark === 'h' ? 0.5 : 0 }));
const threeOfFive = { m: 3, w: 5 };

describe('exerciseState: examples from Kolibri AssessmentWrapper', () => {
  it('is 0 without attempts and at least 0.001 once anything was attempted', () => {
    expect(exerciseState(threeOfFive, [])).toMatchObject({ progress: 0, mastered: false });
    expect(exerciseState(threeOfFive, tries('0')).progress).toBe(0.001);
  });

  it('sums the newest w attempts over m, newest first', () => {
    expect(exerciseState(threeOfFive, tries('1')).progress).toBe(0.334);
    expect(exerciseState(threeOfFive, tries('11')).progress).toBe(0.667);
    // The sixth attempt (oldest) is outside the window of 5.
    expect(exerciseState(threeOfFive, tries('110001'))).toMatchObject({ windowCorrect: 2, windowSize: 5, mastered: false });
    expect(exerciseState(threeOfFive, tries('10101'))).toMatchObject({ progress: 1, mastered: true });
  });

  it('adds fractional correctness as Kolibri sums it', () => {
    expect(exerciseState({ m: 1, w: 2 }, tries('hh'))).toMatchObject({ windowCorrect: 1, mastered: true });
    expect(exerciseState({ m: 2, w: 2 }, tries('h1'))).toMatchObject({ windowCorrect: 1.5, progress: 0.75 });
    // Ten answers worth 0.1 each reach 1 despite float noise (Kolibri's raw compare would miss by 1e-16).
    expect(exerciseState({ m: 1, w: 10 }, Array.from({ length: 10 }, () => ({ correct: 0.1 }))).mastered).toBe(true);
  });

  it('does not round a nearly mastered window up to complete', () => {
    expect(exerciseState({ m: 3, w: 3 }, [{ correct: 1 }, { correct: 1 }, { correct: 0.998 }])).toMatchObject({ mastered: false, progress: 0.999 });
  });

  it('can never master when m exceeds the window', () => {
    expect(exerciseState({ m: 4, w: 3 }, tries('1111'))).toMatchObject({ mastered: false, progress: 0.75 });
  });

  it('says how many more correct answers are needed', () => {
    expect(remainingToMaster(exerciseState(threeOfFive, tries('101')))).toBe(1);
    expect(remainingToMaster(exerciseState(threeOfFive, tries('0')))).toBe(3);
    expect(remainingToMaster(exerciseState(threeOfFive, tries('h')))).toBe(3);
    expect(remainingToMaster(exerciseState(threeOfFive, tries('111')))).toBe(0);
  });
});

describe('roundUpProgress and progressDelta', () => {
  it('rounds up to 3 decimals and clamps, without turning float noise into a step', () => {
    expect(roundUpProgress(0.1 + 0.2)).toBe(0.3);
    expect(roundUpProgress(0.3001)).toBe(0.301);
    expect(roundUpProgress(0.666 + 0.3331)).toBe(1);
    expect(roundUpProgress(1.7)).toBe(1);
    expect(roundUpProgress(-0.5)).toBe(0);
    expect(roundUpProgress(Number.NaN)).toBe(0);
  });

  it('sends only gains', () => {
    expect(progressDelta(0.4, 0.3)).toBeNull();
    expect(progressDelta(0.4, 0.4)).toBeNull();
    expect(progressDelta(0.334, 0.667)).toBe(0.333);
  });
});

const attempt = fc.record({ correct: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })) });
const requirement = fc.integer({ min: 1, max: 12 }).chain((w) => fc.record({ w: fc.constant(w), m: fc.integer({ min: 1, max: w }) }));

describe('exerciseState properties', () => {
  it('progress is 0 with no attempts, else in [0.001, 1] with at most 3 decimals; 1 exactly when mastered', () => {
    fc.assert(
      fc.property(requirement, fc.array(attempt, { maxLength: 30 }), (req, list) => {
        const state = exerciseState(req, list);
        if (list.length === 0) return state.progress === 0;
        const thousandths = state.progress * 1000;
        return state.progress >= 0.001 && state.progress <= 1 && Math.abs(thousandths - Math.round(thousandths)) < 1e-6 && (state.progress === 1) === state.mastered;
      }),
    );
  });

  it('mastered exactly when the newest w attempts sum to m', () => {
    fc.assert(
      fc.property(requirement, fc.array(attempt, { maxLength: 30 }), (req, list) => {
        const sum = list.slice(0, req.w).reduce((s, a) => s + a.correct, 0);
        return exerciseState(req, list).mastered === sum >= req.m - 1e-9;
      }),
    );
  });

  it('attempts older than the window change nothing', () => {
    fc.assert(
      fc.property(requirement, fc.array(attempt, { maxLength: 15 }), fc.array(attempt, { minLength: 1, maxLength: 10 }), (req, list, older) => {
        fc.pre(list.length >= req.w);
        expect(exerciseState(req, [...list, ...older])).toEqual(exerciseState(req, list));
      }),
    );
  });

  it('a better answer in the window never lowers progress', () => {
    fc.assert(
      fc.property(requirement, fc.array(attempt, { minLength: 1, maxLength: 15 }), fc.nat(), (req, list, at) => {
        const index = at % list.length;
        const better = list.map((a, i) => (i === index ? { correct: 1 } : a));
        return exerciseState(req, better).progress >= exerciseState(req, list).progress;
      }),
    );
  });

  it('the stored progress plus the delta sent never falls below what was computed, nor below what was stored', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (storedRaw, computedRaw) => {
        const stored = roundUpProgress(storedRaw);
        const computed = roundUpProgress(computedRaw);
        const delta = progressDelta(stored, computed);
        const next = roundUpProgress(stored + (delta ?? 0));
        return next >= stored && next >= computed - 1e-9;
      }),
    );
  });
});
