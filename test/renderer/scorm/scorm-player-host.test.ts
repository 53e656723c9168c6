import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PLAYER_CHANNEL } from '../../../shared/scorm/player-messages';
import { launchScormSession } from '../../../renderer/src/data/scorm-session-launch';
import { PendingCommits } from '../../../renderer/src/scorm/pending-commits';
import { PlayerHost } from '../../../renderer/src/scorm/player-host';
import { ALICE, TENANT } from '../../support/local-api-fixture';
import { COURSE_MULTI, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

const ORIGIN = 'http://pkg-89abcdef0123456789abcdef-u0000000000000001.localhost:5181';
let f: ScormApiFixture;
let posted: Array<{ message: unknown; origin: string }>;
let shell: { postMessage: (message: unknown, origin: string) => void };
let host: PlayerHost;
let store: Map<string, string>;

beforeEach(async () => {
  f = await createScormApiFixture();
  await launchScormSession(f.deps, { id: ALICE, tenant_id: TENANT }, COURSE_MULTI, 'sess');
  posted = [];
  shell = { postMessage: (message, origin) => posted.push({ message, origin }) };
  store = new Map();
  const course = (await f.db.scormCourses.get(COURSE_MULTI))!;
  let n = 0;
  host = new PlayerHost({
    ports: f.deps,
    course,
    sessionId: 'sess',
    learner: { id: ALICE, tenant_id: TENANT, display_name: 'Alice Wong' },
    origin: ORIGIN,
    shell: () => shell as unknown as Window,
    onItem: () => undefined,
    onError: () => undefined,
    onFinished: () => undefined,
    newId: () => `sitting-${++n}`,
    pending: new PendingCommits({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) }, 'sess'),
  });
});

const event = (data: unknown, origin = ORIGIN, source: unknown = shell) => ({ data, origin, source }) as unknown as MessageEvent;
const ready = { channel: PLAYER_CHANNEL, type: 'ready', session_id: 'sess', recovered: [] };

describe('PlayerHost', () => {
  it('ignores messages from another origin, another window, or of another shape', async () => {
    host.onMessage(event(ready, 'http://127.0.0.1:5180'));
    host.onMessage(event(ready, ORIGIN, {}));
    host.onMessage(event({ ...ready, type: 'bridge' }));
    host.onMessage(event({ channel: PLAYER_CHANNEL, type: 'commit', commit: { sitting_id: 'x', seq: 1, item_id: 'a', cmi: { 'cmi.location': '1' }, session_seconds: 1 }, terminated: false }, 'http://evil.localhost:5181'));
    // Messages are handled in order: once a good one is answered, the refused ones have had their turn.
    host.onMessage(event(ready));
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]?.message).toMatchObject({ type: 'init' });
    expect((await f.db.scormSessions.get('sess'))?.version).toBe(1);
    expect(store.size).toBe(0);
  });

  it('answers ready with the first item to its origin only, saves commits in order and acknowledges them', async () => {
    host.onMessage(event(ready));
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ origin: ORIGIN, message: { type: 'init', sitting_id: 'sitting-1', item: { identifier: 'a' }, cmi: { 'cmi.learner_id': ALICE, 'cmi.entry': 'ab-initio' } } });
    const commit = (seq: number, location: string) => ({ channel: PLAYER_CHANNEL, type: 'commit', commit: { sitting_id: 'sitting-1', seq, item_id: 'a', cmi: { 'cmi.location': location }, session_seconds: seq * 10 }, terminated: false });
    host.onMessage(event(commit(1, 'p1')));
    host.onMessage(event(commit(2, 'p2')));
    // Written ahead before anything asynchronous ran.
    expect([...store.values()].join()).toContain('p2');
    await vi.waitFor(() => expect(posted).toHaveLength(3));
    const session = await f.db.scormSessions.get('sess');
    expect(session).toMatchObject({ version: 3, time_spent_seconds: 20, cmi_data: { 'sco:a:cmi.location': 'p2' } });
    expect(posted.slice(1).map((p) => p.message)).toEqual([
      { channel: PLAYER_CHANNEL, type: 'ack', sitting_id: 'sitting-1', seq: 1 },
      { channel: PLAYER_CHANNEL, type: 'ack', sitting_id: 'sitting-1', seq: 2 },
    ]);
    expect(store.size).toBe(0);
  });
});
