import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AdbkitHeadsetBridge } from '../../../../main/services/headsets/adbkit-headset-bridge';
import { CastService } from '../../../../main/services/cast/cast-service';
import { parseWmSize } from '../../../../main/services/cast/quest-eye';
import { ScrcpyMirror } from '../../../../main/services/cast/scrcpy-mirror';
import { SERVER_MISSING_MESSAGE, serverBinaryLoader } from '../../../../main/services/cast/server-binary';
import type { CastPullReply, CastState, CastSummary } from '../../../../shared/cast/cast-contract';
import { startPrivateAdbServer, startQuestHeadset } from '../../../fakes/quest-adbd';
import type { PrivateAdbServer, QuestHeadset } from '../../../fakes/quest-adbd';
import { scrcpyStats } from '../../../fakes/quest-adbd/scrcpy-server';

// The cast service against emulated headsets through Debian's adb server: the same libraries, the same
// adb server and the same scrcpy protocol as with a real cart, with short timings.

let adb: PrivateAdbServer;
let quests: QuestHeadset[];
let bridge: AdbkitHeadsetBridge;
const present = new Set<string>();
const summaries: CastSummary[] = [];
let service: CastService;

function makeService(server = serverBinaryLoader({ kind: 'stand-in' }), idleStopMs = 60_000): CastService {
  return new CastService({
    mirror: new ScrcpyMirror({ host: '127.0.0.1', port: adb.port }),
    server,
    present: (serial) => present.has(serial),
    wakefulness: (serial) => bridge.wakefulness(serial),
    displaySize: async (serial) => parseWmSize(await bridge.shell(serial, 'wm size')),
    foregroundPackage: (serial) => bridge.foregroundPackage(serial),
    now: () => new Date(),
    log: () => undefined,
    onSummary: (summary) => summaries.push(summary),
    timing: { stallMs: 1500, asleepPollMs: 400, retryMs: [200, 400, 800], idleStopMs },
  });
}

beforeAll(async () => {
  adb = await startPrivateAdbServer();
  quests = await Promise.all([startQuestHeadset({ model: 'Quest 2' }), startQuestHeadset({ model: 'Quest 3' })]);
  for (const quest of quests) {
    await adb.connect(quest.serial);
    present.add(quest.serial);
  }
  bridge = new AdbkitHeadsetBridge({ host: '127.0.0.1', port: adb.port, adbPath: adb.adbPath });
}, 60_000);

afterEach(async () => {
  service?.shutdown();
  for (const quest of quests) {
    Object.assign(quest.faults, { scrcpyStall: false, scrcpyDisconnectAfterFrames: null, scrcpyCorruptNextFrame: false, scrcpyMirroringBroken: false });
    quest.state.screenOn = true;
  }
  await Promise.all(quests.map((q) => expect.poll(() => scrcpyStats(q.state).running, { timeout: 5000 }).toBe(0)));
});

afterAll(async () => {
  await adb?.stop();
  await Promise.all((quests ?? []).map((q) => q.stop()));
});

const q2 = () => quests[0] as QuestHeadset;
const q3 = () => quests[1] as QuestHeadset;

function stateOf(serial: string): CastState | undefined {
  return service.tiles().tiles.find((t) => t.serial === serial)?.state;
}

async function waitState(serial: string, state: CastState, timeout = 10_000): Promise<void> {
  await expect.poll(() => stateOf(serial), { timeout, interval: 50 }).toBe(state);
}

/** Pulls like the wall does, keeping cursors; returns every answer. */
async function pullFor(serials: string[], ms: number): Promise<CastPullReply[]> {
  const cursors: Record<string, number> = Object.fromEntries(serials.map((s) => [s, -1]));
  const replies: CastPullReply[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const reply = await service.pull(cursors, 300);
    replies.push(reply);
    for (const packet of reply.packets) cursors[packet.serial] = Math.max(cursors[packet.serial] ?? -1, packet.seq);
  }
  return replies;
}

describe('CastService', () => {
  it('casts two headsets: one eye each, config and key frame first, then deltas in order; the summary says casting runs', async () => {
    service = makeService();
    const reply = service.start([q2().serial, q3().serial], 'left');
    expect(reply.tiles.map((t) => t.state)).toEqual(['connecting', 'connecting']);
    expect(summaries.at(-1)).toEqual({ active: true, headsets: 2, paused: false });
    await waitState(q2().serial, 'live');
    await waitState(q3().serial, 'live');
    const tiles = service.tiles().tiles;
    // Quest 2: 3664x1920 → left eye 1832x1920 → 304x320; Quest 3: 4128x2208 → 2064x2208 → 296x320.
    expect(tiles.map((t) => [t.width, t.height])).toEqual([
      [304, 320],
      [296, 320],
    ]);
    expect(scrcpyStats(q2().state).lastOptions).toMatchObject({ crop: '1832:1920:0:0', max_size: '320', max_fps: '5', audio: 'false' });
    const replies = await pullFor([q2().serial], 1500);
    const packets = replies.flatMap((r) => r.packets).filter((p) => p.serial === q2().serial);
    expect(replies[0]?.reset).toContain(q2().serial);
    expect(packets.slice(0, 2).map((p) => p.kind)).toEqual(['config', 'key']);
    const seqs = packets.map((p) => p.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(packets.length).toBeGreaterThanOrEqual(5);
    service.stop();
    expect(summaries.at(-1)).toEqual({ active: false, headsets: 0, paused: false });
  }, 40_000);

  it('both eyes: no crop, the whole display fitted into 320', async () => {
    service = makeService();
    service.start([q2().serial], 'both');
    await waitState(q2().serial, 'live');
    expect(service.tiles().tiles[0]).toMatchObject({ width: 320, height: 168 });
  }, 30_000);

  it('a headset nobody wears shows "asleep", and goes live when put on', async () => {
    q2().state.screenOn = false;
    service = makeService();
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'asleep');
    expect(scrcpyStats(q2().state).running).toBe(0);
    q2().state.screenOn = true;
    await waitState(q2().serial, 'live');
    // Taken off while casting: frames stop, the headset says it sleeps.
    q2().state.screenOn = false;
    await waitState(q2().serial, 'asleep');
    q2().state.screenOn = true;
    await waitState(q2().serial, 'live');
  }, 40_000);

  it('a stalled stream is detected and restarted', async () => {
    service = makeService();
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'live');
    const starts = scrcpyStats(q2().state).starts;
    q2().faults.scrcpyStall = true;
    await waitState(q2().serial, 'stalled');
    q2().faults.scrcpyStall = false;
    await waitState(q2().serial, 'live');
    expect(scrcpyStats(q2().state).starts).toBeGreaterThan(starts);
  }, 40_000);

  it('a damaged frame is dropped and counted; the tile resumes at the next key frame', async () => {
    service = makeService();
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'live');
    q2().faults.scrcpyCorruptNextFrame = true;
    await expect.poll(() => service.tiles().tiles[0]?.bad_frames, { timeout: 5000 }).toBe(1);
    const replies = await pullFor([q2().serial], 3000);
    const kinds = replies.flatMap((r) => r.packets).map((p) => p.kind);
    expect(kinds).toContain('key');
    expect(stateOf(q2().serial)).toBe('live');
  }, 40_000);

  it('the headset leaves mid-stream and comes back: disconnected, then live again', async () => {
    service = makeService();
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'live');
    q2().faults.scrcpyDisconnectAfterFrames = 0;
    present.delete(q2().serial);
    service.onHeadsets(new Set([q3().serial]));
    await waitState(q2().serial, 'disconnected');
    await adb.waitForState(q2().serial, 'device', 15_000);
    present.add(q2().serial);
    service.onHeadsets(new Set(present));
    await waitState(q2().serial, 'live', 15_000);
  }, 40_000);

  it('a firmware that breaks mirroring says so instead of retrying', async () => {
    q3().faults.scrcpyMirroringBroken = true;
    service = makeService();
    service.start([q3().serial], 'left');
    await waitState(q3().serial, 'unsupported');
    expect(service.tiles().tiles[0]?.message).toMatch(/SecurityException/);
  }, 30_000);

  it('without the server file the tile says the casting component is missing', async () => {
    service = makeService(serverBinaryLoader({ kind: 'packaged', path: '/nonexistent/outpost/scrcpy-server' }));
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'server_missing');
    expect(service.tiles().tiles[0]?.message).toBe(SERVER_MISSING_MESSAGE);
    expect(SERVER_MISSING_MESSAGE).toContain('screen-casting component is missing');
  }, 20_000);

  it('pause all stops every stream on the headsets; resume brings them back', async () => {
    service = makeService();
    service.start([q2().serial, q3().serial], 'left');
    await waitState(q2().serial, 'live');
    await waitState(q3().serial, 'live');
    service.pause(true);
    expect(service.tiles().tiles.map((t) => t.state)).toEqual(['paused', 'paused']);
    await expect.poll(() => scrcpyStats(q2().state).running + scrcpyStats(q3().state).running, { timeout: 5000 }).toBe(0);
    expect(summaries.at(-1)).toEqual({ active: true, headsets: 2, paused: true });
    service.pause(false);
    await waitState(q2().serial, 'live');
    await waitState(q3().serial, 'live');
  }, 40_000);

  it('the large view streams its headset bigger and faster, and reports the app in front', async () => {
    service = makeService();
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'live');
    service.focus(q2().serial);
    await expect.poll(() => service.tiles().tiles[0]?.height, { timeout: 10_000 }).toBe(720);
    expect(service.tiles().tiles[0]?.focused).toBe(true);
    expect(scrcpyStats(q2().state).lastOptions).toMatchObject({ max_size: '720', max_fps: '15' });
    const details = await service.details(q2().serial);
    expect(details).toEqual({ serial: q2().serial, foreground_package: 'com.oculus.vrshell', awake: true });
    service.focus(null);
    await expect.poll(() => service.tiles().tiles[0]?.height, { timeout: 10_000 }).toBe(320);
  }, 40_000);

  it('stops by itself when no window pulls pictures any more (the instructor left the wall)', async () => {
    service = makeService(undefined, 1500);
    service.start([q2().serial], 'left');
    await waitState(q2().serial, 'live');
    // A window pulling keeps it going…
    const until = Date.now() + 2500;
    while (Date.now() < until) await service.pull({ [q2().serial]: -1 }, 200);
    expect(service.summary().active).toBe(true);
    // …nobody pulling ends it, and the room's banner with it.
    await expect.poll(() => service.summary().active, { timeout: 8000 }).toBe(false);
    expect(summaries.at(-1)).toEqual({ active: false, headsets: 0, paused: false });
  }, 30_000);
});
