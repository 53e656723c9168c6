import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h264ParseConfiguration } from '@yume-chan/scrcpy';
import { launchChromium } from '../../support/chromium';
import { copyPicture, createPicture, drawTestPattern, encodeConfiguration, encodeDeltaFrame, encodeKeyFrame, headsetTag, readTestPattern } from './h264-test-pattern';
import type { EncodedChunk } from './webcodecs-probe';
import { decodeInChromium } from './webcodecs-probe';

// The emulator's H.264 is checked by a real decoder: Chromium's WebCodecs decodes it and the counter and
// the headset's tag are read back from the decoded pixels.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser.close();
});

function encodeRun(width: number, height: number, serial: string, counters: readonly number[], keyEvery: number): { config: Uint8Array; chunks: EncodedChunk[] } {
  const picture = createPicture(width, height);
  let previous = copyPicture(picture);
  const chunks: EncodedChunk[] = [];
  let frameNum = 0;
  let idr = 0;
  counters.forEach((counter, index) => {
    drawTestPattern(picture, serial, counter);
    if (index % keyEvery === 0) {
      chunks.push({ key: true, data: encodeKeyFrame(picture, idr++) });
      frameNum = 0;
    } else {
      frameNum += 1;
      chunks.push({ key: false, data: encodeDeltaFrame(picture, previous, frameNum) });
    }
    previous = copyPicture(picture);
  });
  return { config: encodeConfiguration(picture), chunks };
}

function withConfig(config: Uint8Array, chunks: EncodedChunk[]): EncodedChunk[] {
  // Annex B: the parameter sets travel in front of the first key frame, as scrcpy's decoders send them.
  return chunks.map((chunk, index) => (index === 0 ? { key: true, data: Uint8Array.from([...config, ...chunk.data]) } : chunk));
}

describe('H.264 test pattern', () => {
  it('writes an SPS that a parser reads back as the picture size, cropping included', () => {
    const picture = createPicture(296, 320);
    const parsed = h264ParseConfiguration(encodeConfiguration(picture));
    expect([parsed.croppedWidth, parsed.croppedHeight]).toEqual([296, 320]);
    expect(parsed.profileIndex).toBe(66);
  });

  it('is decoded by Chromium WebCodecs, in order, with each frame counter and the headset tag readable', async () => {
    const serial = '1WMHH0000TEST1';
    const counters = Array.from({ length: 12 }, (_, i) => 1000 + i * 37);
    const { config, chunks } = encodeRun(304, 320, serial, counters, 5);
    const outcome = await decodeInChromium(browser, 'avc1.42C01F', withConfig(config, chunks));
    expect(outcome.supported).toBe(true);
    expect(outcome.errors).toEqual([]);
    expect(outcome.pictures.map((p) => [p.width, p.height])).toEqual(counters.map(() => [304, 320]));
    const read = outcome.pictures.map((p) => readTestPattern(p.rgba, p.width));
    expect(read.map((r) => r?.counter)).toEqual(counters);
    expect(new Set(read.map((r) => r?.tag))).toEqual(new Set([headsetTag(serial)]));
  }, 60_000);

  it('delta frames are small: only the macroblocks that changed are coded', () => {
    const { chunks } = encodeRun(304, 320, 'A', [1, 2], 100);
    const [key, delta] = chunks;
    expect(key?.data.length).toBeGreaterThan(304 * 320 * 1.5);
    expect(delta?.data.length).toBeLessThan(key!.data.length / 10);
  });

  it('a cropped size (not a multiple of 16) decodes at its shown size', async () => {
    const { config, chunks } = encodeRun(296, 312, 'B', [7, 8, 9], 10);
    const outcome = await decodeInChromium(browser, 'avc1.42C01F', withConfig(config, chunks));
    expect(outcome.pictures.map((p) => [p.width, p.height, readTestPattern(p.rgba, p.width)?.counter])).toEqual([
      [296, 312, 7],
      [296, 312, 8],
      [296, 312, 9],
    ]);
  }, 60_000);

  it('refuses sizes it cannot code instead of writing a broken stream', () => {
    expect(() => createPicture(15, 100)).toThrow(/unsupported picture size/);
    expect(() => createPicture(101, 100)).toThrow(/unsupported picture size/);
  });
});
