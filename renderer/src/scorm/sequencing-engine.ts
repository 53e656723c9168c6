import { Scorm2004API } from 'scorm-again';
import type { ScormCourse } from '../../../shared/scorm/course-manifest';
import type { NavRequest } from '../../../shared/scorm/flow-navigation';
import { decodeSequencingState, encodeSequencingState } from '../../../shared/scorm/sequencing-state';
import type { SequencingOutcome } from '../../../shared/scorm/sequencing-state';
import { buildActivityTree } from './sequencing-tree';
import type { TreeNotes } from './sequencing-tree';

type Service = NonNullable<ReturnType<Scorm2004API['getSequencingService']>>;
type Process = NonNullable<ReturnType<Service['getOverallSequencingProcess']>>;
type Activity = NonNullable<ReturnType<Service['getSequencingState']>['rootActivity']>;

/** What the player does after a navigation request. */
export type Decision =
  /** Launch this item. `newAttempt`: a later attempt than the first, so the SCO starts with a fresh data model. */
  | { readonly kind: 'deliver'; readonly itemId: string; readonly newAttempt: boolean; readonly objectives: Readonly<Record<string, string>> }
  /** The sequencing session is over (exit all, suspend all, past the last activity): close the player. */
  | { readonly kind: 'end' }
  /** Nothing is delivered; `exception` is the SN book's code when the request was refused. */
  | { readonly kind: 'none'; readonly exception: string | null };

export interface NavigationState {
  /** Whether Previous / Next (a "continue" request) are valid now. */
  readonly previous: boolean;
  readonly next: boolean;
  /** Items a choice request may target now ("all": no sequencing restricts choice). */
  readonly choosable: ReadonlySet<string> | 'all';
}

/** The run-time data the sequencer reads from a SCO's commit (RTE-to-SN transfer); nothing else is needed. */
const TRACKING = /^cmi\.(completion_status|success_status|progress_measure|score\.(scaled|raw|min|max))$/;
const OBJECTIVE = /^cmi\.objectives\.(\d+)\.(id|success_status|completion_status|progress_measure|score\.(scaled|raw|min|max))$/;

/**
 * SCORM 2004 4th edition sequencing for one learner's session, run by scorm-again's engine (its overall
 * sequencing process, rollup, rules, look-ahead and global objectives) outside any content: a second
 * scorm-again API object that no SCO ever calls, configured with the course's activity tree. The app
 * feeds it each committed data model of the SCO on screen (the API's data model serves as the engine's
 * view of the SCO, read at End Attempt), asks it what to deliver for start, resume, continue, previous,
 * choice and the SCO's adl.nav.request, and persists its state with the session.
 */
export class SequencingEngine {
  readonly notes: TreeNotes;
  readonly #api: Scorm2004API;
  readonly #service: Service;
  readonly #process: Process;
  readonly #rootId: string;
  readonly #leaves: ReadonlySet<string>;
  #plan: 'start' | 'resume' | 'suspend-resume' = 'start';
  #lastItem: string | null = null;
  #delivered: Activity | null = null;
  #ended = false;
  #reported = new Set<string>();

  constructor(course: Pick<ScormCourse, 'organizations' | 'default_organization'>) {
    const { root, notes } = buildActivityTree(course);
    this.notes = notes;
    this.#rootId = root.id;
    const leaves = new Set<string>();
    const walk = (node: typeof root) => (node.children?.length ? node.children.forEach(walk) : leaves.add(node.id));
    walk(root);
    this.#leaves = leaves;
    this.#api = new Scorm2004API({
      logLevel: 5,
      autocommit: false,
      sequencing: {
        activityTree: root,
        autoRollupOnCMIChange: true,
        logLevel: 'error',
        eventListeners: {
          onActivityDelivery: (activity) => {
            this.#delivered = activity as Activity;
          },
          onSequencingSessionEnd: () => {
            this.#ended = true;
          },
        },
      },
    });
    const service = this.#api.getSequencingService();
    const process = service?.getOverallSequencingProcess();
    if (!service || !process) throw new Error('scorm-again did not build a sequencing process for this course');
    this.#service = service;
    this.#process = process;
    // The engine asks which elements the SCO itself set: exactly the ones its commit carried.
    this.#service.updateConfiguration({ wasCMIElementSetByContent: (element) => this.#reported.has(element) });
  }

  get rootId(): string {
    return this.#rootId;
  }

  /** The activity on screen (delivered and not yet ended), if any. */
  get current(): string | null {
    const current = this.#service.getSequencingState().currentActivity;
    return current && current.isActive ? current.id : null;
  }

  /**
   * Restores the stored state (or none). `begin` then opens the suspended activity (resume all), or the
   * one that was on screen when the last sitting ended without Exit (suspended and resumed, so its attempt
   * goes on), else starts a new attempt from the beginning. Commits journaled but not saved in that sitting
   * may be reported in between: they belong to the restored current activity. `lastItem`: the item a
   * session without a stored state was last on (sessions played before sequencing was kept).
   */
  restore(stored: string | undefined, lastItem?: string): void {
    this.#plan = 'start';
    this.#lastItem = lastItem !== undefined && this.#leaves.has(lastItem) ? lastItem : null;
    const state = decodeSequencingState(stored);
    if (!state) return;
    this.#lastItem = null;
    const current = typeof state.currentActivity === 'string' && this.#leaves.has(state.currentActivity) ? state.currentActivity : null;
    const suspended = typeof state.suspendedActivity === 'string' ? state.suspendedActivity : null;
    if (!current && !suspended) state.currentActivity = null;
    // restoreSequencingState takes scorm-again's own SequencingState: decodeSequencingState gives back what encodeSequencingState stored of it.
    if (!this.#process.restoreSequencingState(state as unknown as Parameters<Process['restoreSequencingState']>[0])) return;
    this.#plan = suspended ? 'resume' : current ? 'suspend-resume' : 'start';
  }

  begin(): Decision {
    if (this.#plan === 'resume') return this.navigate({ kind: 'resumeAll' });
    if (this.#plan === 'suspend-resume') {
      this.navigate({ kind: 'suspendAll' });
      return this.navigate({ kind: 'resumeAll' });
    }
    // A session played before it had a sequencing state resumes at the item it was on, if sequencing lets the learner choose it.
    if (this.#lastItem) {
      const resumed = this.navigate({ kind: 'choice', target: this.#lastItem, jump: false });
      if (resumed.kind === 'deliver') return resumed;
    }
    const started = this.navigate({ kind: 'start' });
    // Without flow at the root nothing starts by itself and the learner chooses; a course with a single
    // item to choose (a single-SCO course has no table of contents) opens it.
    const choosable = this.navigation().choosable;
    if (started.kind === 'none' && choosable !== 'all' && choosable.size === 1) return this.navigate({ kind: 'choice', target: [...choosable][0] ?? '', jump: false });
    return started;
  }

  /**
   * A commit of the SCO on screen: its tracking data becomes the engine's view of the attempt, and the
   * tree is rolled up (so the course's status is current before the attempt ends). Commits of any other
   * item are not the current attempt's and are ignored here. `launched` is what the sitting started with.
   */
  report(itemId: string, cmi: Readonly<Record<string, string>>, launched: Readonly<Record<string, string>> = {}): void {
    if (this.current !== itemId) return;
    this.#load(cmi, launched);
    this.#service.triggerRollupOnCMIChange('cmi.completion_status', '', cmi['cmi.completion_status'] ?? '');
  }

  /** Processes one navigation request; `exitType` is the SCO's cmi.exit when the request ends its attempt. */
  navigate(request: NavRequest | { kind: 'start' | 'resumeAll' }, exitType = ''): Decision {
    const before = this.#attempts();
    this.#delivered = null;
    this.#ended = false;
    const [name, target] = this.#requestOf(request);
    if (name === null) return { kind: 'none', exception: null };
    // Termination first (End Attempt reads the SCO's data model, then exit and post-condition rules), then
    // sequencing and delivery on an emptied data model, which delivery seeds with the new activity's objectives.
    const prepared = this.#service.prepareNavigationRequest(name, target, exitType);
    this.#api.cmi.reset();
    this.#reported = new Set();
    const handled = prepared !== null && this.#service.completeNavigationRequest(prepared);
    const delivered = this.#delivered as Activity | null;
    if (this.#ended) return { kind: 'end' };
    if (delivered) {
      const attempts = delivered.attemptCount;
      return { kind: 'deliver', itemId: delivered.id, newAttempt: attempts > 1 && attempts > (before.get(delivered.id) ?? 0), objectives: this.#seededObjectives() };
    }
    return { kind: 'none', exception: handled ? null : (this.#service.getSequencingState().lastSequencingResult?.exception ?? null) };
  }

  /** Previous, Next and the table of contents as the engine's look-ahead sees them now. */
  navigation(): NavigationState {
    const { currentActivity, rootActivity } = this.#service.getSequencingState();
    if (!currentActivity) {
      // Nothing delivered yet (the root's flow is "false": the learner starts by choosing). scorm-again's look-ahead
      // has no answer without a current activity, so every visible leaf whose clusters allow choice is offered;
      // the engine still decides when one is chosen.
      const open = new Set<string>();
      const walk = (activity: Activity) => {
        if (!activity.isVisible || !activity.isAvailable || activity.isHiddenFromChoice) return;
        if (activity.children.length === 0) open.add(activity.id);
        else if (activity.sequencingControls.choice) activity.children.forEach(walk);
      };
      if (rootActivity && !this.#ended) walk(rootActivity);
      return { previous: false, next: false, choosable: open };
    }
    return {
      previous: this.#process.predictPreviousEnabled(),
      next: this.#process.predictContinueEnabled(),
      choosable: new Set(this.#process.getAvailableChoices().filter((id) => this.#leaves.has(id))),
    };
  }

  /** Whether the activity's last (or current) attempt is completed, as the engine tracks it. */
  completed(itemId: string): boolean {
    return this.#find(itemId)?.completionStatus === 'completed';
  }

  /** The state to persist and the course's rolled-up status (the root activity's). */
  outcome(): SequencingOutcome {
    const root = this.#service.getSequencingState().rootActivity;
    const completion = root?.completionStatus;
    const success = root?.successStatus;
    return {
      state: encodeSequencingState(this.#process.getSequencingState()),
      ...(completion === 'completed' || completion === 'incomplete' ? { completion_status: completion } : {}),
      success_status: success === 'passed' || success === 'failed' ? success : 'unknown',
    };
  }

  #requestOf(request: NavRequest | { kind: 'start' | 'resumeAll' }): [string | null, string | undefined] {
    switch (request.kind) {
      case 'choice':
        return [request.jump ? 'jump' : 'choice', request.target];
      case 'none':
        return [null, undefined];
      case 'terminated':
        return ['exit', undefined];
      default:
        return [request.kind, undefined];
    }
  }

  /** `launched`: the data model the sitting started with; what still has its launch value was not set by the SCO. */
  #load(cmi: Readonly<Record<string, string>>, launched: Readonly<Record<string, string>>): void {
    const tracked: Record<string, string> = {};
    for (const [key, value] of Object.entries(cmi)) if (TRACKING.test(key) || OBJECTIVE.test(key)) tracked[key] = value;
    this.#api.cmi.reset();
    try {
      this.#api.loadFromFlattenedJSON(tracked, '');
    } catch {
      // A value scorm-again refuses (the shell's run-time would have refused it too): the engine sees none of this commit.
      this.#api.cmi.reset();
      this.#reported = new Set();
      return;
    }
    this.#api.cmi.initialize();
    this.#reported = new Set(Object.keys(tracked).filter((key) => launched[key] !== tracked[key]));
  }

  /**
   * cmi.objectives the engine seeded for the delivered activity that carry something sequencing knows (a
   * status or measure, from the objective or a global objective it reads), renumbered from 0. Objectives
   * with only an identifier are left to the SCO, which may create its own from index 0.
   */
  #seededObjectives(): Record<string, string> {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [key, value] of Object.entries(this.#api.getFlattenedCMI())) {
      const match = OBJECTIVE.exec(key);
      if (!match || value === null || value === undefined || typeof value === 'object') continue;
      const text = String(value);
      if (text === '' || (text === 'unknown' && match[2] !== 'id')) continue;
      const index = Number(match[1]);
      byIndex.set(index, { ...byIndex.get(index), [match[2] ?? '']: text });
    }
    const out: Record<string, string> = {};
    let next = 0;
    for (const [, fields] of [...byIndex].sort(([a], [b]) => a - b)) {
      if (!fields.id || Object.keys(fields).length < 2) continue;
      for (const [field, value] of Object.entries(fields)) out[`cmi.objectives.${next}.${field}`] = value;
      next += 1;
    }
    return out;
  }

  #attempts(): Map<string, number> {
    const out = new Map<string, number>();
    const walk = (activity: Activity) => {
      out.set(activity.id, activity.attemptCount);
      activity.children.forEach(walk);
    };
    const root = this.#service.getSequencingState().rootActivity;
    if (root) walk(root);
    return out;
  }

  #find(id: string): Activity | null {
    const search = (activity: Activity): Activity | null => (activity.id === id ? activity : activity.children.reduce<Activity | null>((found, child) => found ?? search(child), null));
    const root = this.#service.getSequencingState().rootActivity;
    return root ? search(root) : null;
  }
}
