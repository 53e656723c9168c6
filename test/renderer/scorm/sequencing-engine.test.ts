import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../main/services/scorm/import-limits';
import { parseManifest } from '../../../main/services/scorm/manifest-parser';
import { ScormImporter } from '../../../main/services/scorm/scorm-importer';
import type { CourseItem, CourseOrganization } from '../../../shared/scorm/course-manifest';
import { decodeSequencingState } from '../../../shared/scorm/sequencing-state';
import { SequencingEngine } from '../../../renderer/src/scorm/sequencing-engine';
import type { Decision } from '../../../renderer/src/scorm/sequencing-engine';
import { FLOW_ONLY_QUIZ_MANIFEST, manifest2004, PRACTICE_TEST_MANIFEST, sco } from '../../support/scorm-sequencing-packages';
import { MULTI_SCO_12_MANIFEST, SEQUENCED_2004_MANIFEST, SINGLE_2004_MANIFEST } from '../../support/scorm-packages';

// scorm-again logs each delivery and restore with console.debug.
beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));

function course(xml: string): { organizations: CourseOrganization[]; default_organization: string } {
  const parsed = parseManifest(xml, DEFAULT_IMPORT_LIMITS);
  return { organizations: parsed.organizations, default_organization: parsed.defaultOrganization };
}

const delivered = (decision: Decision) => (decision.kind === 'deliver' ? decision.itemId : decision.kind);
const passed = { 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.score.scaled': '0.9' };
const failed = { 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed', 'cmi.score.scaled': '0.2' };

/** Plays `itemId` to the end with this data model, the way the player does: commit, then the SCO's request. */
function finish(engine: SequencingEngine, itemId: string, cmi: Record<string, string>, request: Parameters<SequencingEngine['navigate']>[0] = { kind: 'terminated' }): Decision {
  expect(engine.current).toBe(itemId);
  engine.report(itemId, cmi);
  return engine.navigate(request, cmi['cmi.exit'] ?? '');
}

describe('SequencingEngine on the flow-only quiz (choice="false", forwardOnly, post-condition retry, attempt limit, authored rollup)', () => {
  it('starts at the first item; Previous and every table-of-contents entry are refused, Next is offered', () => {
    const engine = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    engine.restore(undefined);
    expect(delivered(engine.begin())).toBe('intro');
    expect(engine.navigation()).toEqual({ previous: false, next: true, choosable: new Set() });
    expect(engine.navigate({ kind: 'choice', target: 'outro', jump: false })).toMatchObject({ kind: 'none', exception: expect.stringMatching(/^SB\.2\.9|^NB\.2\.1/) });
    expect(engine.current).toBe('intro');
    expect(delivered(finish(engine, 'intro', passed, { kind: 'continue' }))).toBe('quiz');
    // forwardOnly: even with an item behind, Previous is not valid.
    expect(engine.navigation().previous).toBe(false);
    expect(engine.navigate({ kind: 'previous' })).toMatchObject({ kind: 'none', exception: expect.stringMatching(/^SB\.2\.1-2|^NB\.2\.1|^SB\.2\.8/) });
  });

  it('a failed quiz is retried as a new attempt (fresh data model), twice at most; then flow moves on', () => {
    const engine = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    engine.restore(undefined);
    engine.begin();
    finish(engine, 'intro', passed, { kind: 'continue' });
    const retry = finish(engine, 'quiz', failed);
    expect(retry).toMatchObject({ kind: 'deliver', itemId: 'quiz', newAttempt: true });
    // The second failure would need a third attempt: the limit refuses it, nothing is delivered.
    expect(finish(engine, 'quiz', failed)).toMatchObject({ kind: 'none', exception: 'DB.1.1-3' });
    expect(engine.completed('quiz')).toBe(true);
    expect(delivered(engine.navigate({ kind: 'continue' }))).toBe('outro');
  });

  it('a passed quiz is not retried', () => {
    const engine = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    engine.restore(undefined);
    engine.begin();
    finish(engine, 'intro', { 'cmi.completion_status': 'completed' }, { kind: 'continue' });
    expect(finish(engine, 'quiz', passed)).toMatchObject({ kind: 'none' });
    expect(delivered(engine.navigate({ kind: 'continue' }))).toBe('outro');
  });

  it('the authored rollup decides the course: satisfied when any item is, completed when two are', () => {
    const engine = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    engine.restore(undefined);
    engine.begin();
    expect(engine.outcome()).toMatchObject({ success_status: 'unknown' });
    expect(engine.outcome().completion_status).toBeUndefined();
    // Mid-attempt commits roll up already: the intro passed, so the course is satisfied (the default would need all three).
    engine.report('intro', passed);
    expect(engine.outcome()).toMatchObject({ success_status: 'passed' });
    engine.navigate({ kind: 'continue' });
    finish(engine, 'quiz', failed);
    finish(engine, 'quiz', failed);
    // Two of three completed: completed, although the summary was never opened; the failed quiz does not make it fail.
    expect(engine.outcome()).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });

  it('the session ends past the last item (the player closes)', () => {
    const engine = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    engine.restore(undefined);
    engine.begin();
    finish(engine, 'intro', passed, { kind: 'continue' });
    finish(engine, 'quiz', passed);
    expect(delivered(engine.navigate({ kind: 'continue' }))).toBe('outro');
    expect(finish(engine, 'outro', passed, { kind: 'continue' })).toEqual({ kind: 'end' });
  });
});

describe('SequencingEngine on practice and test (attempt limit, global objective, hidden from choice, exitParent)', () => {
  function started() {
    const engine = new SequencingEngine(course(PRACTICE_TEST_MANIFEST));
    engine.restore(undefined);
    expect(delivered(engine.begin())).toBe('practice');
    return engine;
  }

  it('the bonus is hidden from choice until the test writes the global objective it reads', () => {
    const engine = started();
    const choosable = () => engine.navigation().choosable as ReadonlySet<string>;
    expect([...choosable()].sort()).toEqual(['practice', 'review1', 'review2', 'test']);
    expect(engine.navigate({ kind: 'choice', target: 'bonus', jump: false })).toMatchObject({ kind: 'none', exception: expect.any(String) });
    expect(delivered(engine.navigate({ kind: 'choice', target: 'test', jump: false }))).toBe('test');
    finish(engine, 'test', passed);
    expect(choosable().has('bonus')).toBe(true);
    expect(delivered(engine.navigate({ kind: 'choice', target: 'bonus', jump: false }))).toBe('bonus');
  });

  it('the global objective reaches the bonus SCO as cmi.objectives at launch', () => {
    const engine = started();
    engine.navigate({ kind: 'choice', target: 'test', jump: false });
    finish(engine, 'test', passed);
    const bonus = engine.navigate({ kind: 'choice', target: 'bonus', jump: false });
    expect(bonus).toMatchObject({ kind: 'deliver', itemId: 'bonus' });
    const objectives = bonus.kind === 'deliver' ? bonus.objectives : {};
    const index = Object.entries(objectives).find(([key, value]) => key.endsWith('.id') && value === 'mastery')?.[0].split('.')[2];
    expect(index).toBeDefined();
    expect(objectives[`cmi.objectives.${index ?? ''}.success_status`]).toBe('passed');
  });

  it('objective entries the SCO left as launched do not count as its report (only what it set does)', () => {
    const engine = started();
    engine.navigate({ kind: 'choice', target: 'test', jump: false });
    // The SCO was launched with its primary objective listed, status unknown, and never touched it; it passed.
    const launched = { 'cmi.objectives.0.id': 'test_passed', 'cmi.objectives.0.success_status': 'unknown' };
    engine.report('test', { ...launched, ...passed }, launched);
    engine.navigate({ kind: 'terminated' });
    expect((engine.navigation().choosable as ReadonlySet<string>).has('bonus')).toBe(true);
  });

  it('the test may be taken once: afterwards it is not offered and a choice of it is refused', () => {
    const engine = started();
    engine.navigate({ kind: 'choice', target: 'test', jump: false });
    finish(engine, 'test', failed);
    expect((engine.navigation().choosable as ReadonlySet<string>).has('test')).toBe(false);
    expect(engine.navigate({ kind: 'choice', target: 'test', jump: false })).toMatchObject({ kind: 'none' });
    expect(delivered(engine.navigate({ kind: 'choice', target: 'practice', jump: false }))).toBe('practice');
  });

  it('exitParent: Next after the review\'s first part leaves the module, its second part is skipped', () => {
    const engine = started();
    expect(delivered(engine.navigate({ kind: 'choice', target: 'review1', jump: false }))).toBe('review1');
    expect(delivered(finish(engine, 'review1', passed, { kind: 'continue' }))).toBe('bonus');
    // review2 is still reachable by choice.
    expect(delivered(engine.navigate({ kind: 'choice', target: 'review2', jump: false }))).toBe('review2');
  });

  it('attempt counts, statuses and global objectives survive a new sitting (state saved and restored)', () => {
    const engine = started();
    engine.navigate({ kind: 'choice', target: 'test', jump: false });
    finish(engine, 'test', passed);
    engine.navigate({ kind: 'choice', target: 'practice', jump: false });
    engine.navigate({ kind: 'suspendAll' });
    const saved = engine.outcome().state;

    const again = new SequencingEngine(course(PRACTICE_TEST_MANIFEST));
    again.restore(saved);
    // Resumed where it was suspended: the same attempt, so the SCO gets its data back.
    expect(again.begin()).toMatchObject({ kind: 'deliver', itemId: 'practice', newAttempt: false });
    const choosable = again.navigation().choosable as ReadonlySet<string>;
    expect(choosable.has('test')).toBe(false);
    expect(choosable.has('bonus')).toBe(true);
    expect(again.completed('test')).toBe(true);
  });

  it('a session played before sequencing was kept resumes at its last item where choice allows, else starts', () => {
    const engine = new SequencingEngine(course(PRACTICE_TEST_MANIFEST));
    engine.restore(undefined, 'review2');
    expect(delivered(engine.begin())).toBe('review2');
    const flowOnly = new SequencingEngine(course(FLOW_ONLY_QUIZ_MANIFEST));
    flowOnly.restore(undefined, 'outro');
    expect(delivered(flowOnly.begin())).toBe('intro');
  });

  it('a sitting that ended without Exit resumes the item that was on screen, attempt unchanged', () => {
    const engine = started();
    engine.report('practice', { 'cmi.completion_status': 'incomplete', 'cmi.location': 'p3' });
    const again = new SequencingEngine(course(PRACTICE_TEST_MANIFEST));
    again.restore(engine.outcome().state);
    expect(again.begin()).toMatchObject({ kind: 'deliver', itemId: 'practice', newAttempt: false });
  });
});

describe('SequencingEngine with other manifests', () => {
  it('a 2004 manifest without any sequencing keeps simple navigation: flow and choice everywhere', () => {
    const xml = manifest2004('outpost.test.plain', `<organization identifier="org"><title>Plain</title>${sco('a', 'A')}<item identifier="m"><title>M</title>${sco('b', 'B')}</item>${sco('c', 'C')}</organization>`);
    const engine = new SequencingEngine(course(xml));
    engine.restore(undefined);
    expect(delivered(engine.begin())).toBe('a');
    expect(engine.navigation()).toEqual({ previous: false, next: true, choosable: new Set(['a', 'b', 'c']) });
    expect(delivered(finish(engine, 'a', {}, { kind: 'continue' }))).toBe('b');
    expect(delivered(engine.navigate({ kind: 'continue' }))).toBe('c');
    expect(delivered(engine.navigate({ kind: 'previous' }))).toBe('b');
  });

  it('the SN book defaults apply once a manifest has sequencing: flow="false" offers no Previous or Next, choice does', () => {
    const xml = manifest2004('outpost.test.noflow', `<organization identifier="org"><title>No flow</title>${sco('a', 'A')}${sco('b', 'B')}<imsss:sequencing><imsss:controlMode choice="true"/></imsss:sequencing></organization>`);
    const engine = new SequencingEngine(course(xml));
    engine.restore(undefined);
    // Nothing to start without flow: the learner chooses where to begin.
    expect(engine.begin()).toMatchObject({ kind: 'none' });
    expect(engine.navigation()).toEqual({ previous: false, next: false, choosable: new Set(['a', 'b']) });
    expect(delivered(engine.navigate({ kind: 'choice', target: 'b', jump: false }))).toBe('b');
    expect(engine.navigation()).toEqual({ previous: false, next: false, choosable: new Set(['a', 'b']) });
    expect(engine.navigate({ kind: 'continue' })).toMatchObject({ kind: 'none', exception: expect.any(String) });
    expect(engine.current).toBe('b');
  });

  it('the 4th edition sample of our tests: the collection\'s exit rule, skip when satisfied, retry when not', () => {
    const engine = new SequencingEngine(course(SEQUENCED_2004_MANIFEST));
    engine.restore(undefined);
    expect(delivered(engine.begin())).toBe('s1');
    expect(delivered(finish(engine, 's1', { 'cmi.completion_status': 'completed' }, { kind: 'continue' }))).toBe('s2');
    // Quiz not satisfied (0.4 < 0.6 by measure): retried.
    expect(finish(engine, 's2', { 'cmi.completion_status': 'completed', 'cmi.score.scaled': '0.4' })).toMatchObject({ kind: 'deliver', itemId: 's2', newAttempt: true });
    expect(delivered(finish(engine, 's2', { 'cmi.completion_status': 'completed', 'cmi.score.scaled': '0.8' }, { kind: 'continue' }))).toBe('s3');
  });

  it('the SCO\'s requests: jump, exitAll, suspendAll; an unknown target is refused', () => {
    const engine = new SequencingEngine(course(SEQUENCED_2004_MANIFEST));
    engine.restore(undefined);
    engine.begin();
    expect(engine.navigate({ kind: 'choice', target: 'nowhere', jump: false })).toMatchObject({ kind: 'none' });
    expect(delivered(finish(engine, 's1', {}, { kind: 'choice', target: 's3', jump: true }))).toBe('s3');
    expect(finish(engine, 's3', {}, { kind: 'exitAll' })).toEqual({ kind: 'end' });
    // After the session ended, the next sitting starts a new attempt from the beginning.
    const again = new SequencingEngine(course(SEQUENCED_2004_MANIFEST));
    again.restore(engine.outcome().state);
    expect(again.begin()).toMatchObject({ kind: 'deliver', itemId: 's1', newAttempt: true });
  });

  it('the remediation sample: content is skipped once its quiz passed (global objectives), the wrapper retries until all are satisfied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seq-remediation-'));
    const zip = await readFile(join(import.meta.dirname, '..', '..', 'fixtures', 'scorm', 'SequencingSimpleRemediation_SCORM20043rdEdition.zip'));
    const imported = await new ScormImporter(join(dir, 'courses')).import(Readable.from([zip])).finally(() => rm(dir, { recursive: true, force: true }));
    const engine = new SequencingEngine(imported);
    engine.restore(undefined);
    expect(delivered(engine.begin())).toBe('playing_item');
    expect(engine.navigation()).toMatchObject({ previous: false, choosable: new Set() });
    let decision = finish(engine, 'playing_item', { 'cmi.completion_status': 'completed' }, { kind: 'continue' });
    for (const next of ['etuqiette_item', 'handicapping_item', 'havingfun_item']) {
      expect(delivered(decision)).toBe(next);
      decision = finish(engine, next, { 'cmi.completion_status': 'completed' }, { kind: 'continue' });
    }
    // The quizzes: the playing quiz passes, the others fail.
    for (const [quiz, cmi] of [['test_1', passed], ['test_2', failed], ['test_3', failed]] as const) {
      expect(delivered(decision)).toBe(quiz);
      decision = finish(engine, quiz, cmi, { kind: 'continue' });
    }
    expect(delivered(decision)).toBe('test_4');
    // The last quiz exits the wrapper (exitParent); not everything is satisfied, so it is retried — without the passed topic.
    decision = finish(engine, 'test_4', failed, { kind: 'continue' });
    expect(decision).toMatchObject({ kind: 'deliver', itemId: 'etuqiette_item', newAttempt: true });

    // Imported before organizations' sequencing and objective maps were kept: it still starts and flows.
    const strip = (items: CourseItem[]): CourseItem[] => items.map(({ sequencing, ...item }) => ({ ...item, children: strip([...item.children]), ...(sequencing ? { sequencing: { ...sequencing, objectives: [] } } : {}) }));
    const older = { ...imported, organizations: imported.organizations.map(({ sequencing: _dropped, ...org }) => ({ ...org, items: strip([...org.items]) })) };
    const old = new SequencingEngine(older);
    old.restore(undefined);
    expect(delivered(old.begin())).toBe('playing_item');
    expect(delivered(finish(old, 'playing_item', { 'cmi.completion_status': 'completed' }, { kind: 'continue' }))).toBe('etuqiette_item');
  });

  it('a stored state that is not ours, not JSON or too large is ignored: the course starts over', () => {
    for (const stored of ['{', '{"f":2,"s":{}}', JSON.stringify({ f: 1, s: { version: '0.9' } }), `{"f":1,"s":{"version":"1.0","x":"${'y'.repeat(1024 * 1024)}"}}`]) {
      expect(decodeSequencingState(stored)).toBeNull();
      const engine = new SequencingEngine(course(SEQUENCED_2004_MANIFEST));
      engine.restore(stored);
      expect(delivered(engine.begin())).toBe('s1');
    }
  });

  it('the stored state stays small: a few hundred bytes per item touched, nothing for the others', () => {
    const items = Array.from({ length: 200 }, (_, i) => sco(`i${i}`, `Item ${i}`)).join('');
    const engine = new SequencingEngine(course(manifest2004('outpost.test.big', `<organization identifier="org"><title>Big</title>${items}<imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing></organization>`)));
    engine.restore(undefined);
    engine.begin();
    for (let i = 0; i < 10; i += 1) finish(engine, `i${i}`, passed, { kind: 'continue' });
    const state = engine.outcome().state;
    expect(state.length).toBeLessThan(10 * 600 + 600);
    const again = new SequencingEngine(course(manifest2004('outpost.test.big', `<organization identifier="org"><title>Big</title>${items}<imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing></organization>`)));
    again.restore(state);
    expect(again.begin()).toMatchObject({ kind: 'deliver', itemId: 'i10', newAttempt: false });
    expect(again.completed('i9')).toBe(true);
  });

  it('SCORM 1.2 manifests have no sequencing to build: the engine is not used for them', () => {
    expect(course(MULTI_SCO_12_MANIFEST).organizations[0]?.sequencing).toBeUndefined();
  });
});

describe('SequencingEngine: choice under forwardOnly, and scorm-again\'s choice of a skipped item', () => {
  it('forwardOnly with choice: an item ahead may be chosen, one behind may not', () => {
    const xml = manifest2004('outpost.test.fwd', `<organization identifier="org"><title>Forward</title>${sco('a', 'A')}${sco('b', 'B')}${sco('c', 'C')}<imsss:sequencing><imsss:controlMode choice="true" flow="true" forwardOnly="true"/></imsss:sequencing></organization>`);
    const engine = new SequencingEngine(course(xml));
    engine.restore(undefined);
    engine.begin();
    expect(delivered(engine.navigate({ kind: 'choice', target: 'b', jump: false }))).toBe('b');
    expect((engine.navigation().choosable as ReadonlySet<string>).has('a')).toBe(false);
    expect(engine.navigate({ kind: 'choice', target: 'a', jump: false })).toMatchObject({ kind: 'none' });
    expect(delivered(engine.navigate({ kind: 'choice', target: 'c', jump: false }))).toBe('c');
  });

  it('an item whose skip precondition holds is passed over in flow, and (scorm-again, unlike the SN book) refused as a choice', () => {
    const skip = '<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>';
    const xml = manifest2004('outpost.test.skip', `<organization identifier="org"><title>Skip</title>${sco('a', 'A')}${sco('b', 'B', skip)}${sco('c', 'C')}<imsss:sequencing><imsss:controlMode choice="true" flow="true"/></imsss:sequencing></organization>`);
    const engine = new SequencingEngine(course(xml));
    engine.restore(undefined);
    engine.begin();
    expect(delivered(finish(engine, 'a', passed, { kind: 'choice', target: 'b', jump: false }))).toBe('b');
    expect(delivered(finish(engine, 'b', passed, { kind: 'previous' }))).toBe('a');
    expect(delivered(engine.navigate({ kind: 'continue' }))).toBe('c');
    expect(engine.navigate({ kind: 'choice', target: 'b', jump: false })).toMatchObject({ kind: 'none' });
  });
});

describe('SequencingEngine where the root does not flow', () => {
  it('a single item to choose is opened; a continue request then opens nothing', () => {
    const xml = manifest2004('outpost.test.single', `<organization identifier="org"><title>Single</title>${sco('only', 'Only')}<imsss:sequencing><imsss:controlMode choice="true" flow="false"/></imsss:sequencing></organization>`);
    const engine = new SequencingEngine(course(xml));
    engine.restore(undefined);
    expect(engine.begin()).toMatchObject({ kind: 'deliver', itemId: 'only' });
    expect(engine.navigation()).toEqual({ previous: false, next: false, choosable: new Set(['only']) });
    expect(finish(engine, 'only', passed, { kind: 'continue' })).toMatchObject({ kind: 'none' });
    expect(engine.outcome()).toMatchObject({ completion_status: 'completed', success_status: 'passed' });
  });

  it('an organization without its own sequencing element (or imported before it was kept) flows at the root; past the end the session ends', () => {
    const engine = new SequencingEngine(course(SINGLE_2004_MANIFEST));
    engine.restore(undefined);
    expect(engine.begin()).toMatchObject({ kind: 'deliver', itemId: 'only' });
    expect(engine.navigation()).toMatchObject({ previous: false, next: true });
    expect(finish(engine, 'only', passed, { kind: 'continue' })).toEqual({ kind: 'end' });
  });
});
