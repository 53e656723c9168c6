import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import type { CourseItem, ScormCourse } from '../../../shared/scorm/course-manifest';
import { flowTarget } from '../../../shared/scorm/flow-navigation';
import type { NavRequest } from '../../../shared/scorm/flow-navigation';
import { CURRENT_ITEM_KEY } from '../../../shared/scorm/sco-keys';
import { SEQUENCING_STATE_KEY } from '../../../shared/scorm/sequencing-state';
import type { SequencingOutcome } from '../../../shared/scorm/sequencing-state';
import { itemState } from './item-state';
import { SequencingEngine } from './sequencing-engine';
import type { Decision, NavigationState } from './sequencing-engine';

export type { Decision, NavigationState } from './sequencing-engine';

type Cmi = Readonly<Record<string, string>>;

/** Decides what the player opens: scorm-again's sequencing engine for SCORM 2004, tree-order flow for 1.2. */
export interface PlayerNavigator {
  /** True when the course is sequenced (its state and status go with every save). */
  readonly sequenced: boolean;
  /** Takes what the session has stored (the 2004 sequencing state); `begin` then says what to open first. */
  restore(cmi: Cmi): void;
  begin(cmi: Cmi): Decision;
  /** A commit of `itemId`'s data model; `launched` is the data model its sitting started with (empty if unknown). */
  report(itemId: string, cmi: Cmi, launched: Cmi): void;
  /** A request of the learner or of the SCO on screen (`current`); `exitType` is the SCO's cmi.exit when it ends the attempt. */
  navigate(request: NavRequest, cmi: Cmi, current: string | null, exitType: string): Decision;
  navigation(current: string | null): NavigationState;
  completed(itemId: string, cmi: Cmi): boolean;
  /** The state and status to save, for a sequenced course. */
  outcome(): SequencingOutcome | undefined;
}

const deliver = (item: CourseItem | null | undefined): Decision => (item ? { kind: 'deliver', itemId: item.identifier, newAttempt: false, objectives: {} } : { kind: 'none', exception: null });

/**
 * SCORM 1.2: no sequencing. Flow in tree order, choice of any item, resume where the learner was. The
 * decision does not depend on what the item on screen reports, so the player decides before closing it.
 */
class FlowNavigator implements PlayerNavigator {
  readonly sequenced = false;
  constructor(
    private readonly version: '1.2' | '2004',
    private readonly items: readonly CourseItem[],
  ) {}

  restore(): void {}

  begin(cmi: Cmi): Decision {
    const first = this.items.find((item) => item.identifier === cmi[CURRENT_ITEM_KEY]) ?? this.items[0];
    return first ? deliver(first) : { kind: 'end' };
  }

  report(): void {}

  navigate(request: NavRequest, _cmi: Cmi, current: string | null): Decision {
    switch (request.kind) {
      case 'continue': {
        // Past the last item there is nothing left to play: the player closes.
        const next = flowTarget(this.items, current, 1);
        return next ? deliver(next) : { kind: 'end' };
      }
      case 'previous':
        return deliver(flowTarget(this.items, current, -1));
      case 'choice':
        return deliver(this.items.find((item) => item.identifier === request.target));
      case 'terminated':
      case 'none':
        return { kind: 'none', exception: null };
      default:
        return { kind: 'end' };
    }
  }

  /** As before sequencing: Previous and Next stay offered; where there is nothing, they do nothing. */
  navigation(current: string | null): NavigationState {
    return { previous: current !== null, next: current !== null, choosable: 'all' };
  }

  completed(itemId: string, cmi: Cmi): boolean {
    return itemState(this.version, cmi, itemId, this.items.length > 1).completed;
  }

  outcome(): undefined {
    return undefined;
  }
}

/** SCORM 2004: every request goes to the sequencing engine. */
class EngineNavigator implements PlayerNavigator {
  readonly sequenced = true;
  readonly #engine: SequencingEngine;

  constructor(course: Pick<ScormCourse, 'organizations' | 'default_organization'>) {
    this.#engine = new SequencingEngine(course);
  }

  restore(cmi: Cmi): void {
    this.#engine.restore(cmi[SEQUENCING_STATE_KEY], cmi[CURRENT_ITEM_KEY]);
  }

  begin(): Decision {
    return this.#engine.begin();
  }

  report(itemId: string, cmi: Cmi, launched: Cmi): void {
    this.#engine.report(itemId, cmi, launched);
  }

  navigate(request: NavRequest, _cmi: Cmi, _current: string | null, exitType: string): Decision {
    return this.#engine.navigate(request, exitType);
  }

  navigation(): NavigationState {
    return this.#engine.navigation();
  }

  completed(itemId: string): boolean {
    return this.#engine.completed(itemId);
  }

  outcome(): SequencingOutcome {
    return this.#engine.outcome();
  }
}

export function createNavigator(course: Pick<ScormCourse, 'version' | 'organizations' | 'default_organization'>): PlayerNavigator {
  return course.version === '2004' ? new EngineNavigator(course) : new FlowNavigator(course.version, launchableItems(playedOrganization(course).items));
}

