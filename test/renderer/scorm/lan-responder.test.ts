import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/ipc/result';
import { LAN_CHANNEL } from '../../../shared/scorm/lan-wire';
import type { ScormLanRequest, ScormLanRespond } from '../../../shared/scorm/lan-wire';
import { PLAYER_CHANNEL } from '../../../shared/scorm/player-messages';
import { createDispatch, revokeDispatch } from '../../../renderer/src/data/scorm-dispatches';
import { lmsLearnerId } from '../../../renderer/src/data/scorm-lms-launch';
import { startLanResponder } from '../../../renderer/src/scorm/lan/lan-responder';
import type { LanChannels } from '../../../renderer/src/scorm/lan/lan-responder';
import { instructorSignedIn } from '../../support/instructor-guards';
import { COURSE_12, COURSE_MULTI, createScormApiFixture } from '../../support/scorm-api-fixture';
import type { ScormApiFixture } from '../../support/scorm-api-fixture';

/** Main's side, faked: it sends requests to the window and records its answers and deliveries. */
function fakeMain() {
  let listener: ((request: ScormLanRequest) => void) | null = null;
  const answers = new Map<string, ScormLanRespond>();
  const delivered: Array<{ session_id: string; message: Record<string, unknown> }> = [];
  const known = new Set<string>();
  let n = 0;
  const ipc = {
    async invoke(channel: string, payload: unknown) {
      if (channel === 'scorm-lan:attach') return ok({ lease_ms: 15_000 });
      if (channel === 'scorm-lan:respond') {
        const answer = payload as ScormLanRespond;
        answers.set(answer.id, answer);
        if (answer.status === 200 && typeof answer.body.session_id === 'string') known.add(answer.body.session_id);
        return ok({ accepted: true });
      }
      const deliver = payload as { session_id: string; messages: Array<Record<string, unknown>> };
      for (const message of deliver.messages) delivered.push({ session_id: deliver.session_id, message });
      return ok({ accepted: known.has(deliver.session_id) });
    },
    on(_channel: string, next: (request: ScormLanRequest) => void) {
      listener = next;
      return () => (listener = null);
    },
  } as unknown as LanChannels;
  const request = async (body: Record<string, unknown>): Promise<ScormLanRespond> => {
    n += 1;
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    listener?.({ id, responder: 'window-1', ...body } as ScormLanRequest);
    await vi.waitFor(() => expect(answers.has(id)).toBe(true));
    return answers.get(id)!;
  };
  return { ipc, request, delivered, known };
}

let f: ScormApiFixture;
let main: ReturnType<typeof fakeMain>;
let stop: () => void;
const storage = new Map<string, string>();
const playerMessages = (sessionId: string, type: string) => main.delivered.filter((d) => d.session_id === sessionId && d.message.channel === PLAYER_CHANNEL && d.message.type === type).map((d) => d.message);
const news = (sessionId: string, type: string) => main.delivered.filter((d) => d.session_id === sessionId && d.message.channel === LAN_CHANNEL && d.message.type === type).map((d) => d.message);

beforeEach(async () => {
  f = await createScormApiFixture();
  main = fakeMain();
  storage.clear();
  stop = startLanResponder(main.ipc, f.deps, {
    responderId: 'window-1',
    setTimer: () => () => undefined,
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v), removeItem: (k) => void storage.delete(k) },
    closeTimeoutMs: 50,
  });
  return () => stop();
});

async function dispatchOf(packageId: string): Promise<string> {
  const created = await createDispatch(f.deps, instructorSignedIn(), packageId, 'Acme Moodle', 'acme-moodle');
  if (!created) throw new Error('no course');
  return created.handle;
}

/** The shell's side of one sitting: ready, then a commit of the item the kiosk opened. */
async function play(sessionId: string, cmi: Record<string, string>, terminated: boolean) {
  await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: PLAYER_CHANNEL, type: 'ready', session_id: sessionId, recovered: [] }] });
  // The first player of a run loads the sequencing module (scorm-again): allow it a few seconds.
  await vi.waitFor(() => expect(playerMessages(sessionId, 'init').length).toBeGreaterThan(0), { timeout: 10_000 });
  const init = playerMessages(sessionId, 'init').at(-1) as { sitting_id: string; item: { identifier: string }; cmi: Record<string, string> };
  await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: PLAYER_CHANNEL, type: 'commit', commit: { sitting_id: init.sitting_id, seq: 1, item_id: init.item.identifier, cmi, session_seconds: 30 }, terminated }] });
  return init;
}

describe('the window plays dispatched courses for browsers on the school network', () => {
  it("launches for the LMS's learner, saves the course's commits like the kiosk's own, and resumes them next time", async () => {
    const handle = await dispatchOf(COURSE_12);
    const launch = await main.request({ kind: 'launch', handle, learner_id: 'moodle-42', learner_name: 'Maya Lin' });
    expect(launch).toMatchObject({ status: 200, body: { package_id: COURSE_12, learner_id: lmsLearnerId('acme-moodle', 'moodle-42') } });
    const sessionId = launch.body.session_id as string;
    expect(news(sessionId, 'course')[0]).toMatchObject({ title: expect.any(String), learner_name: 'Maya Lin', items: [{ id: 'only', depth: 0 }] });

    const first = await play(sessionId, { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.lesson_location': 'page-3', 'cmi.core.exit': 'suspend' }, false);
    expect(first.cmi).toMatchObject({ 'cmi.core.student_id': lmsLearnerId('acme-moodle', 'moodle-42'), 'cmi.core.student_name': 'Maya Lin', 'cmi.core.entry': 'ab-initio' });
    await vi.waitFor(async () => expect((await f.db.scormSessions.get(sessionId))?.cmi_data['cmi.core.lesson_location']).toBe('page-3'));
    // Saved with its outbox row, for the remote, like any kiosk session.
    expect((await f.db.outbox.toArray()).filter((op) => op.entity_id === sessionId).map((op) => op.kind)).toEqual(['scorm_session.launch', 'scorm_session.update']);

    // Save and exit from the page: the kiosk asks the shell to close the item, then says it is finished.
    await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: LAN_CHANNEL, type: 'exit' }] });
    await vi.waitFor(() => expect(playerMessages(sessionId, 'exit')).toHaveLength(1));
    await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: PLAYER_CHANNEL, type: 'exited' }] });
    await vi.waitFor(() => expect(news(sessionId, 'finished')).toHaveLength(1));

    // Another day: the same learner from the LMS resumes the same session where they were.
    const again = await main.request({ kind: 'launch', handle, learner_id: 'moodle-42' });
    expect(again.body.session_id).toBe(sessionId);
    const before = playerMessages(sessionId, 'init').length;
    await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: PLAYER_CHANNEL, type: 'ready', session_id: sessionId, recovered: [] }] });
    await vi.waitFor(() => expect(playerMessages(sessionId, 'init').length).toBe(before + 1), { timeout: 5000 });
    expect(playerMessages(sessionId, 'init').at(-1)).toMatchObject({ cmi: { 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': 'page-3', 'cmi.core.student_name': 'moodle-42' } });
  });

  it('keeps learners of different LMSs and learners apart, and refuses rotated-away, revoked or unknown links', async () => {
    const handle = await dispatchOf(COURSE_12);
    const a = await main.request({ kind: 'launch', handle, learner_id: 'u1' });
    const b = await main.request({ kind: 'launch', handle, learner_id: 'u2' });
    expect(a.body.session_id).not.toBe(b.body.session_id);
    const other = await createDispatch(f.deps, instructorSignedIn(), COURSE_12, 'Other', 'other-lms');
    const c = await main.request({ kind: 'launch', handle: other!.handle, learner_id: 'u1' });
    expect(c.body).toMatchObject({ learner_id: lmsLearnerId('other-lms', 'u1') });
    expect(c.body.session_id).not.toBe(a.body.session_id);

    await revokeDispatch(f.deps, instructorSignedIn(), other!.row.id);
    expect(await main.request({ kind: 'launch', handle: other!.handle, learner_id: 'u1' })).toMatchObject({ status: 404, body: { error_code: 'DISPATCH_NOT_FOUND' } });
    expect(await main.request({ kind: 'launch', handle: `dsp_${'0'.repeat(32)}`, learner_id: 'u1' })).toMatchObject({ status: 404 });
    // A course deleted from the kiosk after its dispatch was made.
    const multi = await dispatchOf(COURSE_MULTI);
    await f.db.scormCourses.delete(COURSE_MULTI);
    expect(await main.request({ kind: 'launch', handle: multi, learner_id: 'u1' })).toMatchObject({ status: 404, body: { error_code: 'PACKAGE_NOT_FOUND' } });
  });

  it('ignores what is not a message of a live sitting, and a page whose sitting main closed saves and goes', async () => {
    const handle = await dispatchOf(COURSE_12);
    const launch = await main.request({ kind: 'launch', handle, learner_id: 'u9' });
    const sessionId = launch.body.session_id as string;
    expect(await main.request({ kind: 'up', session_id: 'nobody', messages: [] })).toMatchObject({ status: 404, body: { error_code: 'SESSION_NOT_FOUND' } });
    // Junk and another channel's messages change nothing and break nothing.
    expect(await main.request({ kind: 'up', session_id: sessionId, messages: [42, null, { channel: 'elsewhere', type: 'commit' }, { channel: PLAYER_CHANNEL, type: 'commit', commit: 'no' }] })).toMatchObject({ status: 200 });
    await play(sessionId, { 'cmi.core.lesson_location': 'p1' }, false);
    await vi.waitFor(async () => expect((await f.db.scormSessions.get(sessionId))?.cmi_data['cmi.core.lesson_location']).toBe('p1'));
    expect(await main.request({ kind: 'close', session_id: sessionId })).toMatchObject({ status: 200 });
    expect(await main.request({ kind: 'up', session_id: sessionId, messages: [] })).toMatchObject({ status: 404 });
  });

  it('a reloaded page (its shell says ready again) gets a new player that resumes from what was saved', async () => {
    const handle = await dispatchOf(COURSE_12);
    const sessionId = (await main.request({ kind: 'launch', handle, learner_id: 'u3' })).body.session_id as string;
    await play(sessionId, { 'cmi.core.lesson_location': 'p7', 'cmi.core.exit': 'suspend' }, false);
    await vi.waitFor(async () => expect((await f.db.scormSessions.get(sessionId))?.cmi_data['cmi.core.lesson_location']).toBe('p7'));
    await main.request({ kind: 'up', session_id: sessionId, messages: [{ channel: PLAYER_CHANNEL, type: 'ready', session_id: sessionId, recovered: [] }] });
    await vi.waitFor(() => expect(playerMessages(sessionId, 'init')).toHaveLength(2), { timeout: 5000 });
    expect(playerMessages(sessionId, 'init')[1]).toMatchObject({ cmi: { 'cmi.core.entry': 'resume', 'cmi.core.lesson_location': 'p7' } });
  });
});
