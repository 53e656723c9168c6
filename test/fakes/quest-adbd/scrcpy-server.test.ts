import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScrcpyMirror, SCRCPY_SERVER_VERSION } from '../../../main/services/cast/scrcpy-mirror';
import type { MirrorOptions, MirrorPacket, MirrorStream } from '../../../main/services/cast/scrcpy-mirror';
import { AdbScrcpyOptionsLatest } from '@yume-chan/adb-scrcpy';
import { launchChromium } from '../../support/chromium';
import { headsetTag, readTestPattern } from './h264-test-pattern';
import { startPrivateAdbServer, startQuestHeadset } from './index';
import type { PrivateAdbServer, QuestHeadset } from './index';
import { SCRCPY_SERVER_VERSION as EMULATED_VERSION, scrcpyStats, videoSize } from './scrcpy-server';
import { decodeInChromium } from './webcodecs-probe';

// The emulated headset's scrcpy server, reached the way the app reaches a real one: the maintained client
// library, through Debian's adb server, over the emulated adb link.

const STAND_IN = new TextEncoder().encode('outpost test stand-in for scrcpy-server\n');
const OPTIONS: MirrorOptions = { maxSize: 320, maxFps: 10, bitRate: 250_000, keyFrameIntervalSeconds: 1, crop: { width: 1832, height: 1920, x: 0, y: 0 } };

let adb: PrivateAdbServer;
let quest: QuestHeadset;
let browser: Browser;
let mirror: ScrcpyMirror;

beforeAll(async () => {
  [adb, quest, browser] = await Promise.all([startPrivateAdbServer(), startQuestHeadset({ model: 'Quest 2' }), launchChromium()]);
  await adb.connect(quest.serial);
  mirror = new ScrcpyMirror({ host: '127.0.0.1', port: adb.port });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await adb?.stop();
  await quest?.stop();
});

// A read that timed out stays pending and its packet is the next one returned: none is lost.
const pending = new WeakMap<MirrorStream, Promise<MirrorPacket | null>>();

async function collect(stream: MirrorStream, dataPackets: number, timeoutMs = 10_000): Promise<MirrorPacket[]> {
  const packets: MirrorPacket[] = [];
  const deadline = Date.now() + timeoutMs;
  while (packets.filter((p) => p.type === 'data').length < dataPackets) {
    const read = pending.get(stream) ?? stream.next();
    pending.set(stream, read);
    const next = await Promise.race([read, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())))]);
    if (next === 'timeout') break;
    pending.delete(stream);
    if (next === null) break;
    packets.push(next);
  }
  return packets;
}

describe('emulated scrcpy server', () => {
  it('serves the version the client library pins', () => {
    expect(EMULATED_VERSION).toBe(SCRCPY_SERVER_VERSION);
    expect(new AdbScrcpyOptionsLatest({}).version).toBe(SCRCPY_SERVER_VERSION);
  });

  it('fits the cropped eye into max_size in multiples of 8, as scrcpy does', () => {
    expect(videoSize({ width: 3664, height: 1920 }, { crop: { width: 1832, height: 1920, x: 0, y: 0 }, maxSize: 320 })).toEqual({ width: 304, height: 320 });
    expect(videoSize({ width: 4128, height: 2208 }, { crop: null, maxSize: 480 })).toEqual({ width: 480, height: 256 });
  });

  it('streams config, then a key frame and counter frames in order that Chromium decodes to this headset', async () => {
    const started = await mirror.start(quest.serial, STAND_IN, OPTIONS);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const { stream } = started;
    try {
      expect([stream.width, stream.height]).toEqual([304, 320]);
      expect(stream.deviceName).toBe('Oculus Quest 2');
      const packets = await collect(stream, 8);
      expect(packets[0]?.type).toBe('configuration');
      expect(packets[1]?.keyframe).toBe(true);
      const stats = scrcpyStats(quest.state);
      expect(stats.lastOptions).toMatchObject({ max_size: '320', max_fps: '10', tunnel_forward: 'true', crop: '1832:1920:0:0', audio: 'false', control: 'false' });
      expect(await quest.state.fileExists('/data/local/tmp/scrcpy-server.jar')).toBe(true);
      const config = packets[0]!.data;
      const data = packets.filter((p) => p.type === 'data');
      const chunks = data.map((p, i) => ({ key: p.keyframe, data: i === 0 ? Uint8Array.from([...config, ...p.data]) : p.data }));
      const outcome = await decodeInChromium(browser, 'avc1.42C01F', chunks);
      expect(outcome.errors).toEqual([]);
      const read = outcome.pictures.map((p) => readTestPattern(p.rgba, p.width));
      const counters = read.map((r) => r?.counter ?? -1);
      expect(counters.length).toBe(data.length);
      for (let i = 1; i < counters.length; i++) expect(counters[i]).toBe(counters[0]! + i);
      expect(read.every((r) => r?.tag === headsetTag(quest.serialNumber))).toBe(true);
    } finally {
      await stream.close();
    }
    await expect.poll(() => scrcpyStats(quest.state).running, { timeout: 5000 }).toBe(0);
  }, 60_000);

  it('sends no frames while nobody wears the headset, and a key frame first when it wakes', async () => {
    quest.state.screenOn = false;
    const started = await mirror.start(quest.serial, STAND_IN, OPTIONS);
    if (!started.ok) throw new Error(JSON.stringify(started));
    try {
      const asleep = await collect(started.stream, 1, 1500);
      expect(asleep.map((p) => p.type)).toEqual(['configuration']);
      quest.state.screenOn = true;
      const awake = await collect(started.stream, 2);
      expect(awake[0]?.keyframe).toBe(true);
    } finally {
      quest.state.screenOn = true;
      await started.stream.close();
    }
  }, 30_000);

  it('a headset whose firmware breaks mirroring: the server exits with its exception text', async () => {
    quest.faults.scrcpyMirroringBroken = true;
    try {
      const started = await mirror.start(quest.serial, STAND_IN, OPTIONS);
      expect(started.ok).toBe(false);
      if (started.ok || started.reason !== 'server_exited') throw new Error(JSON.stringify(started));
      expect(started.output.join('\n')).toMatch(/SecurityException/);
    } finally {
      quest.faults.scrcpyMirroringBroken = false;
    }
  }, 30_000);

  it('faults: a corrupt frame is no NAL unit, a stall stops frames, a disconnect ends the stream', async () => {
    const started = await mirror.start(quest.serial, STAND_IN, OPTIONS);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const { stream } = started;
    try {
      await collect(stream, 2);
      quest.faults.scrcpyCorruptNextFrame = true;
      const after = await collect(stream, 2);
      const bad = after.find((p) => p.type === 'data' && !(p.data[0] === 0 && p.data[1] === 0));
      expect(bad).toBeDefined();
      quest.faults.scrcpyStall = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stalled = await collect(stream, 1, 1200);
      expect(stalled.filter((p) => p.type === 'data').length).toBeLessThanOrEqual(1);
      quest.faults.scrcpyStall = false;
      quest.faults.scrcpyDisconnectAfterFrames = 0;
      const ending = await collect(stream, 1000, 8000).catch(() => 'broken' as const);
      expect(ending === 'broken' || (Array.isArray(ending) && ending.length < 1000)).toBe(true);
    } finally {
      quest.faults.scrcpyStall = false;
      quest.faults.scrcpyDisconnectAfterFrames = null;
      await stream.close();
    }
    // The adb server reconnects a TCP headset by itself.
    await adb.waitForState(quest.serial, 'device', 15_000);
  }, 40_000);

  it('refuses a client of another version with scrcpy\'s own message', async () => {
    // The client library always sends its pinned version; ask the emulated shell directly.
    await quest.state.fs.writeFile('/data/local/tmp/scrcpy-server.jar', Buffer.from(STAND_IN));
    const out = await adb.adb(['-s', quest.serial, 'shell', 'CLASSPATH=/data/local/tmp/scrcpy-server.jar app_process / com.genymobile.scrcpy.Server 2.0 audio=false']);
    expect(out.stdout).toContain('does not match the client (2.0)');
    const missing = await adb.adb(['-s', quest.serial, 'shell', 'CLASSPATH=/data/local/tmp/nothing.jar app_process / com.genymobile.scrcpy.Server 3.3.3']);
    expect(missing.stdout + missing.stderr).toContain('Could not find class');
  }, 30_000);
});
