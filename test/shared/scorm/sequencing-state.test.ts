import { describe, expect, it } from 'vitest';
import { decodeSequencingState, encodeSequencingState, MAX_SEQUENCING_STATE_CHARS } from '../../../shared/scorm/sequencing-state';

const fresh = {
  id: 'b',
  title: 'B',
  isActive: false,
  isSuspended: false,
  isCompleted: false,
  completionStatus: 'unknown',
  successStatus: 'unknown',
  attemptCount: 0,
  objectiveInfoAvailableInCurrentParentAttempt: false,
  progressInfoAvailableInCurrentParentAttempt: false,
  attemptCompletionAmount: 0,
  attemptCompletionAmountStatus: false,
  attemptAbsoluteDuration: 'PT0H0M0S',
  objectiveSatisfiedStatus: false,
  objectiveSatisfiedStatusKnown: false,
  objectiveMeasureStatus: false,
  objectiveNormalizedMeasure: 0,
  progressMeasure: 0,
  progressMeasureStatus: false,
  isAvailable: true,
  isHiddenFromChoice: false,
  location: '',
  attemptAbsoluteStartTime: '',
  objectives: { primary: null, objectives: [] },
  auxiliaryResources: [],
  selectionRandomizationState: { selectionCountStatus: false, reorderChildren: false, childOrder: [], selectedChildIds: [], hiddenFromChoiceChildIds: [] },
};

const state = (activities: Record<string, unknown>) => ({
  version: '1.0',
  timestamp: '2026-01-01T00:00:00.000Z',
  contentDelivered: true,
  currentActivity: 'a',
  suspendedActivity: null,
  activityStates: activities,
  navigationState: { request: '_none_' },
  globalObjectiveMap: {},
});

describe('sequencing state in cmi_data', () => {
  it('keeps what differs from a fresh activity and drops untouched activities', () => {
    const touched = { ...fresh, id: 'a', title: 'A', objectiveInfoAvailableInCurrentParentAttempt: true, progressInfoAvailableInCurrentParentAttempt: true, isActive: true, attemptCount: 2, successStatus: 'failed', objectiveSatisfiedStatusKnown: true, completionStatus: 'completed' };
    const encoded = encodeSequencingState(state({ a: touched, b: fresh }));
    expect(JSON.parse(encoded)).toEqual({
      f: 1,
      s: { version: '1.0', contentDelivered: true, currentActivity: 'a', suspendedActivity: null, activityStates: { a: { isActive: true, attemptCount: 2, successStatus: 'failed', completionStatus: 'completed' } } },
    });
  });

  it('decodes to what the engine restores: the derived "satisfied status known" comes back', () => {
    const unknownButKnown = { ...fresh, attemptCount: 1, objectiveSatisfiedStatusKnown: true };
    const failed = { ...fresh, attemptCount: 1, successStatus: 'failed', objectiveSatisfiedStatusKnown: true };
    const decoded = decodeSequencingState(encodeSequencingState(state({ a: unknownButKnown, b: failed })));
    expect(decoded?.activityStates).toEqual({
      a: { attemptCount: 1, objectiveSatisfiedStatusKnown: true, objectiveInfoAvailableInCurrentParentAttempt: false, progressInfoAvailableInCurrentParentAttempt: false },
      b: { attemptCount: 1, successStatus: 'failed', objectiveSatisfiedStatusKnown: true, objectiveInfoAvailableInCurrentParentAttempt: false, progressInfoAvailableInCurrentParentAttempt: false },
    });
  });

  it('keeps objectives, a reordered or partly selected child set, and a non-empty global objective map', () => {
    const objectives = { primary: { id: 'p', satisfiedStatus: true }, objectives: [] };
    const selection = { selectionCountStatus: true, reorderChildren: true, childOrder: ['y', 'x'], selectedChildIds: ['y'], hiddenFromChoiceChildIds: ['x'] };
    const encoded = JSON.parse(encodeSequencingState({ ...state({ a: { ...fresh, objectives, selectionRandomizationState: selection } }), globalObjectiveMap: { g: { satisfiedStatus: true } } })) as { s: Record<string, unknown> };
    expect(encoded.s.activityStates).toEqual({ a: { objectives, selectionRandomizationState: selection, objectiveInfoAvailableInCurrentParentAttempt: false, progressInfoAvailableInCurrentParentAttempt: false } });
    expect(encoded.s.globalObjectiveMap).toEqual({ g: { satisfiedStatus: true } });
  });

  it('refuses what is not a state it wrote, and anything over the bound', () => {
    expect(decodeSequencingState(undefined)).toBeNull();
    expect(decodeSequencingState('')).toBeNull();
    expect(decodeSequencingState('not json')).toBeNull();
    expect(decodeSequencingState('[1,2]')).toBeNull();
    expect(decodeSequencingState(JSON.stringify({ f: 2, s: { version: '1.0' } }))).toBeNull();
    expect(decodeSequencingState(JSON.stringify({ f: 1, s: { version: '2.0' } }))).toBeNull();
    const big = JSON.stringify({ f: 1, s: { version: '1.0', activityStates: { a: { location: 'x'.repeat(MAX_SEQUENCING_STATE_CHARS) } } } });
    expect(decodeSequencingState(big)).toBeNull();
    expect(decodeSequencingState(JSON.stringify({ f: 1, s: { version: '1.0', activityStates: 'odd' } }))).toEqual({ version: '1.0', activityStates: {} });
    expect(JSON.parse(encodeSequencingState('nothing'))).toEqual({ f: 1, s: null });
  });
});
