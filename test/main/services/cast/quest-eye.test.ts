import { describe, expect, it } from 'vitest';
import { eyeCrop, parseWmSize } from '../../../../main/services/cast/quest-eye';
import { QUEST_MODELS } from '../../../fakes/quest-adbd/quest-models';

// `wm size` as headsets print it, and the one-eye crop cast for it (docs/cast.md, "One eye").

/** What the cast service does with a headset's `wm size` answer: the crop, or null for the whole display. */
const cropFor = (output: string) => {
  const size = parseWmSize(output);
  return size === null ? null : eyeCrop(size);
};

describe('parseWmSize', () => {
  it('reads the physical size', () => {
    expect(parseWmSize('Physical size: 3664x1920\n')).toEqual({ width: 3664, height: 1920 });
  });

  it('prefers the override size when someone set one, whichever line comes first', () => {
    expect(parseWmSize('Physical size: 3664x1920\nOverride size: 1832x960\n')).toEqual({ width: 1832, height: 960 });
    expect(parseWmSize('Override size: 2064x2208\r\nPhysical size: 4128x2208\r\n')).toEqual({ width: 2064, height: 2208 });
  });

  it('takes the carriage returns of old adb shells', () => {
    expect(parseWmSize('Physical size: 2880x1600\r\n')).toEqual({ width: 2880, height: 1600 });
  });

  it('gives null for anything that is not a usable size', () => {
    for (const output of [
      '',
      '/system/bin/sh: wm: not found\n',
      'Physical size: 3664x\n',
      'Physical size: x1920\n',
      'Physical size: 0x1920\n',
      'Physical size: 3664x0\n',
      'Physical size: -3664x1920\n',
      'Physical size: 99999x1920\n',
      'Physical size: 3664 x 1920\n',
      'Physical density: 560\n',
      'Error: Could not access the Window Manager. Is the system running?\n',
    ]) {
      expect(parseWmSize(output), JSON.stringify(output)).toBeNull();
    }
  });

  it('never throws, whatever the headset prints, and stays quick on a huge answer', () => {
    let seed = 0x2f6b1d;
    const next = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed;
    };
    const alphabet = 'Physical Override size: 0123456789xX\r\n\t-+.e';
    for (let round = 0; round < 2000; round++) {
      const length = next() % 80;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      const size = parseWmSize(text);
      if (size !== null) {
        expect(Number.isInteger(size.width) && size.width > 0 && size.width <= 16384).toBe(true);
        expect(Number.isInteger(size.height) && size.height > 0 && size.height <= 16384).toBe(true);
      }
      expect(() => cropFor(text)).not.toThrow();
    }
    const started = Date.now();
    expect(parseWmSize(`Physical size: ${'9'.repeat(500_000)}x${'9'.repeat(500_000)}\n`)).toBeNull();
    expect(parseWmSize('size: 1x'.repeat(200_000))).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('eyeCrop: the left eye of a side-by-side Quest display', () => {
  it.each([
    ['Quest 2', 3664, 1920, 1832],
    ['Quest 3S', 3664, 1920, 1832],
    ['Quest 3', 4128, 2208, 2064],
    ['Quest Pro', 3600, 1920, 1800],
    ['Quest', 2880, 1600, 1440],
  ] as const)('%s %ix%i: the left half', (model, width, height, eyeWidth) => {
    // The emulated headsets report the same sizes, so the e2e and the bench cast what a real one would.
    expect(QUEST_MODELS[model].displaySize).toBe(`${width}x${height}`);
    expect(cropFor(`Physical size: ${width}x${height}\n`)).toEqual({ width: eyeWidth, height, x: 0, y: 0 });
  });

  it('crops the override size, not the physical one', () => {
    expect(cropFor('Physical size: 3664x1920\nOverride size: 2000x1000\n')).toEqual({ width: 1000, height: 1000, x: 0, y: 0 });
  });

  it('casts a portrait or square display whole', () => {
    expect(cropFor('Physical size: 1920x3664\n')).toBeNull();
    expect(cropFor('Physical size: 1920x1920\n')).toBeNull();
    // An override that turns a Quest display portrait wins over its landscape physical size.
    expect(cropFor('Physical size: 3664x1920\nOverride size: 1080x1920\n')).toBeNull();
  });

  it('casts the whole display when the size is garbage or too small to halve', () => {
    expect(cropFor('wm: not found')).toBeNull();
    for (const size of [
      { width: Number.NaN, height: 1920 },
      { width: Number.POSITIVE_INFINITY, height: 1920 },
      { width: 3664.5, height: 1920 },
      { width: -3664, height: 1920 },
      { width: 31, height: 16 },
      { width: 64, height: 15 },
    ]) {
      expect(eyeCrop(size), JSON.stringify(size)).toBeNull();
    }
  });

  it('an odd width gives the whole left half, rounded down', () => {
    expect(eyeCrop({ width: 1001, height: 500 })).toEqual({ width: 500, height: 500, x: 0, y: 0 });
  });
});
