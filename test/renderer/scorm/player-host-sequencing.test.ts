import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../main/services/scorm/import-limits';
import { parseManifest } from '../../../main/services/scorm/manifest-parser';
import { PLAYER_CHANNEL } from '../../../shared/scorm/player-messages';
import { SEQUENCING_STATE_KEY } from '../../../shared/scorm/sequencing-state';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import type { ScormCourseRow } from '../../../renderer/src/db/schema-v7';
import { PendingCommits } from '../../../renderer/src/scorm/pending-commits';
import { MAX_AUTOMATIC_LAUNCHES, PlayerHost } from '../../../renderer/src/scorm/player-host';
import type { PlayerNavigation } from '../../../renderer/src/scorm/player-host';
import { ALICE, TENANT } from '../../support/local-api-fixture';
import { createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';
import { FLOW_ONLY_QUIZ_MANIFEST, manifest2004, sco } from '../../support/scorm-sequencing-packages';

const ORIGIN = 'http://pkg-0000000000000000000000aa-u0000000000000001.localhost:5181';
const COURSE = 'pkg-0000000000000000000000aa';
let f: ScormApiFixture;
let posted: Array<Record<string, unknown>>;
let shell: { postMessage: (message: Record<string, unknown>) => void };
let navigation: PlayerNavigation | null;
let finished: number;
let errors: string[];

beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => undefined));

function createHost(): PlayerHost {
  let n = 0;
  const store = new Map<string, string>();
  return new PlayerHost({
    ports: f.deps,
    course: course(),
    sessionId: 'sess',
    learner: { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong' },
    origin: ORIGIN,
    shell: () => shell as unknown as Window,
    onItem: () => undefined,
    onError: (code) => void errors.push(code),
    onFinished: () => void (finished += 1),
    onNavigation: (value) => void (navigation = value),
    newId: () => `sitting-${(n += 1)}`,
    pending: new PendingCommits({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) }, 'sess'),
  });
}

let row: ScormCourseRow;
const course = () => row;

beforeEach(async () => {
  f = await createScormApiFixture();
  const parsed = parseManifest(FLOW_ONLY_QUIZ_MANIFEST, DEFAULT_IMPORT_LIMITS);
  row = {
    id: COURSE,
    manifest_identifier: parsed.identifier,
    title: parsed.title,
    version: '2004',
    edition: '4th',
    default_organization: parsed.defaultOrganization,
    organizations: parsed.organizations,
    sco_count: 3,
    file_count: 3,
    size_bytes: 10,
    zip_bytes: 10,
    tenant_id: null,
    imported_at: f.clock.now.toISOString(),
  };
  await f.db.scormCourses.add(row);
  await launchScormSession(f.deps, { id: ALICE, tenant_id: TENANT }, COURSE, 'sess');
  posted = [];
  navigation = null;
  finished = 0;
  errors = [];
  host = createHost();
  // The shell answers "exit" as the real one does: the item is closed (nothing more to commit here), then "exited".
  shell = {
    postMessage: (message) => {
      posted.push(message);
      if (message.type === 'exit') queueMicrotask(() => host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'exited' })));
    },
  };
});

let host: PlayerHost;
const event = (data: unknown) => ({ data, origin: ORIGIN, source: shell }) as unknown as MessageEvent;
const inits = () => posted.filter((m) => m.type === 'init') as Array<{ sitting_id: string; item: { identifier: string }; cmi: Record<string, string> }>;
const lastInit = () => inits().at(-1);
let seq = 0;
const commit = (cmi: Record<string, string>, terminated: boolean, nav?: string) => {
  const init = lastInit();
  seq += 1;
  host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'commit', commit: { sitting_id: init?.sitting_id, seq, item_id: init?.item.identifier, cmi, session_seconds: 1 }, terminated, ...(nav ? { nav_request: nav } : {}) }));
};

describe('PlayerHost with a sequenced course', () => {
  it('plays the flow-only quiz: no Previous or contents, retry with a fresh data model, the limit, then on; Exit suspends', async () => {
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('intro'));
    expect(navigation).toMatchObject({ previous: false, next: true, choosable: new Set(), busy: false, stuck: false });

    // The learner's Previous and contents are refused before anything is closed.
    await host.step(-1);
    await host.choose('outro');
    expect(posted.filter((m) => m.type === 'exit')).toHaveLength(0);

    commit({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' }, true, 'continue');
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('quiz'));
    commit({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed', 'cmi.location': 'q1' }, true);
    await vi.waitFor(() => expect(inits()).toHaveLength(3));
    // The retry is a new attempt: no data from the failed one reaches the SCO.
    expect(lastInit()).toMatchObject({ item: { identifier: 'quiz' }, cmi: { 'cmi.entry': 'ab-initio' } });
    expect(lastInit()?.cmi['cmi.location']).toBeUndefined();
    commit({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed' }, true);
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('outro'));
    const session = await f.db.scormSessions.get('sess');
    expect(session).toMatchObject({ completion_status: 'completed', success_status: 'passed' });

    await host.exit(1000);
    const state = JSON.parse((await f.db.scormSessions.get('sess'))?.cmi_data[SEQUENCING_STATE_KEY] ?? '{}') as { s: { suspendedActivity: string } };
    expect(state.s.suspendedActivity).toBe('outro');
    expect(finished).toBe(0);

    // A new player on the same session resumes the summary.
    posted = [];
    host = createHost();
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('outro'));
  });

  it('tells the SCO what sequencing allows as it starts (adl.nav.request_valid): the flow-only quiz offers continue, no previous, no choice', async () => {
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('intro'));
    expect(posted.at(-1)).toMatchObject({ type: 'init', nav_valid: { continue: true, previous: false, choice: { intro: false, quiz: false, outro: false } } });
  });

  it('Next closes the item first so its last commit counts, then asks sequencing; past the end the player closes', async () => {
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('intro'));
    await host.step(1);
    expect(posted.map((m) => m.type)).toEqual(['init', 'exit', 'init']);
    expect(lastInit()?.item.identifier).toBe('quiz');
    // The quiz passes and ends without a request: finished, so it moves on; the summary asks to continue: the end.
    commit({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed' }, true);
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('outro'));
    commit({ 'cmi.completion_status': 'completed' }, true, 'continue');
    await vi.waitFor(() => expect(finished).toBe(1));
    expect(errors).toEqual([]);
  });

  it('a quiz retried without limit that ends itself at once is opened at most MAX_AUTOMATIC_LAUNCHES times in a row', async () => {
    const retry = '<imsss:sequencing><imsss:sequencingRules><imsss:postConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="satisfied" operator="not"/></imsss:ruleConditions><imsss:ruleAction action="retry"/></imsss:postConditionRule></imsss:sequencingRules></imsss:sequencing>';
    const parsed = parseManifest(manifest2004('outpost.test.loop', `<organization identifier="org"><title>Loop</title>${sco('quiz', 'Quiz', retry)}${sco('end', 'End')}<imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing></organization>`), DEFAULT_IMPORT_LIMITS);
    row = { ...row, organizations: parsed.organizations, default_organization: parsed.defaultOrganization };
    await f.db.scormCourses.put(row);
    host = createHost();
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('quiz'));
    for (let launch = 1; launch <= MAX_AUTOMATIC_LAUNCHES; launch += 1) {
      commit({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'failed' }, true);
      await vi.waitFor(() => expect(inits().length + errors.length).toBe(launch + 1));
    }
    // The first launch and MAX_AUTOMATIC_LAUNCHES - 1 retries; the next retry is refused.
    expect(inits()).toHaveLength(MAX_AUTOMATIC_LAUNCHES);
    expect(errors).toEqual(['TOO_MANY_LAUNCHES']);
    // The learner may still go on.
    await host.step(1);
    expect(lastInit()?.item.identifier).toBe('end');
  });

  it("hides the buttons an item's hideLMSUI names (previous, continue) while it is on screen, and only then", async () => {
    const hide = (values: string[]) => `<adlnav:presentation><adlnav:navigationInterface>${values.map((v) => `<adlnav:hideLMSUI>${v}</adlnav:hideLMSUI>`).join('')}</adlnav:navigationInterface></adlnav:presentation>`;
    const item = (id: string, extra: string) => `<item identifier="${id}" identifierref="r" parameters="?v=2004&amp;sco=${id}"><title>${id}</title>${extra}</item>`;
    const xml = manifest2004('outpost.test.hide', `<organization identifier="org"><title>Hide</title>${item('own', hide(['continue', 'previous', 'continue', 'sideways']))}${item('plain', '')}<imsss:sequencing><imsss:controlMode flow="true" choice="true"/></imsss:sequencing></organization>`);
    const parsed = parseManifest(xml, DEFAULT_IMPORT_LIMITS);
    // Known values only, each once.
    expect(parsed.organizations[0]?.items[0]?.hide_lms_ui).toEqual(['continue', 'previous']);
    expect(parsed.organizations[0]?.items[1]?.hide_lms_ui).toBeUndefined();
    row = { ...row, organizations: parsed.organizations, default_organization: parsed.defaultOrganization };
    await f.db.scormCourses.put(row);
    host = createHost();
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('own'));
    expect(navigation).toMatchObject({ next: true, hidden: { previous: true, next: true } });
    // The SCO's own "continue" still works; the next item shows the player's buttons again.
    commit({ 'cmi.completion_status': 'completed' }, true, 'continue');
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('plain'));
    expect(navigation).toMatchObject({ previous: true, hidden: { previous: false, next: false } });
  });

  it('shared data: what one item writes to a store reaches the next item that reads it, for the whole session', async () => {
    const shared = (maps: string) => `<adlcp:data>${maps}</adlcp:data>`;
    const item = (id: string, extra: string) => `<item identifier="${id}" identifierref="r" parameters="?v=2004&amp;sco=${id}"><title>${id}</title>${extra}</item>`;
    const xml = manifest2004('outpost.test.shareddata', `<organization identifier="org"><title>Shared</title>${item('writer', shared('<adlcp:map targetID="notes" writeSharedData="true"/>'))}${item('reader', shared('<adlcp:map targetID="notes"/>'))}<imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing></organization>`);
    const parsed = parseManifest(xml, DEFAULT_IMPORT_LIMITS);
    row = { ...row, organizations: parsed.organizations, default_organization: parsed.defaultOrganization };
    await f.db.scormCourses.put(row);
    host = createHost();
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] }));
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('writer'));
    expect(lastInit()).toMatchObject({ shared_data: { maps: [{ target_id: 'notes', read: true, write: true }], stores: {} } });
    commit({ 'cmi.completion_status': 'completed', 'adl.data.0.id': 'notes', 'adl.data.0.store': 'the answer is 42' }, true, 'continue');
    await vi.waitFor(() => expect(lastInit()?.item.identifier).toBe('reader'));
    expect(lastInit()).toMatchObject({ shared_data: { maps: [{ target_id: 'notes', read: true, write: false }], stores: { notes: 'the answer is 42' } } });
    // The reader may not write it: its commit changes nothing.
    commit({ 'adl.data.0.id': 'notes', 'adl.data.0.store': 'overwritten' }, false);
    await vi.waitFor(async () => expect((await f.db.scormSessions.get('sess'))?.cmi_data['sco:reader:adl.data.0.store']).toBe('overwritten'));
    expect((await f.db.scormSessions.get('sess'))?.cmi_data['outpost.shared_data:notes']).toBe('the answer is 42');
  });
});
