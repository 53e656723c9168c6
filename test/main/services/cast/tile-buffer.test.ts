import { describe, expect, it } from 'vitest';
import { MAX_GOP_PACKETS, TileBuffer, looksLikeAnnexB } from '../../../../main/services/cast/tile-buffer';
import type { MirrorPacket } from '../../../../main/services/cast/scrcpy-mirror';

const nal = (tag: number) => Uint8Array.from([0, 0, 0, 1, 0x65, tag]);
const config: MirrorPacket = { type: 'configuration', keyframe: false, ptsUs: null, data: Uint8Array.from([0, 0, 0, 1, 0x67, 1]) };
const key = (tag: number): MirrorPacket => ({ type: 'data', keyframe: true, ptsUs: tag, data: nal(tag) });
const delta = (tag: number): MirrorPacket => ({ type: 'data', keyframe: false, ptsUs: tag, data: nal(tag) });

describe('TileBuffer', () => {
  it('a new window gets the configuration and the latest key frame onwards; then only what is new', () => {
    const buffer = new TileBuffer();
    buffer.push(config);
    buffer.push(key(1));
    buffer.push(delta(2));
    const first = buffer.since(-1);
    expect(first.reset).toBe(true);
    expect(first.packets.map((p) => p.kind)).toEqual(['config', 'key', 'delta']);
    buffer.push(delta(3));
    const next = buffer.since(first.packets.at(-1)!.seq);
    expect(next).toMatchObject({ reset: false, packets: [{ kind: 'delta', ptsUs: 3 }] });
  });

  it('a window behind by a whole key frame interval jumps to the newest key frame', () => {
    const buffer = new TileBuffer();
    buffer.push(config);
    buffer.push(key(1));
    const held = buffer.since(-1).packets.at(-1)!.seq;
    buffer.push(delta(2));
    buffer.push(key(3));
    buffer.push(delta(4));
    const answer = buffer.since(held);
    expect(answer.reset).toBe(true);
    expect(answer.packets.map((p) => p.ptsUs)).toEqual([null, 3, 4]);
  });

  it('a damaged frame is refused and the deltas after it wait for a key frame', () => {
    const buffer = new TileBuffer();
    buffer.push(config);
    buffer.push(key(1));
    expect(buffer.push({ type: 'data', keyframe: false, ptsUs: 2, data: Uint8Array.from([9, 9, 9, 9, 9, 9]) })).toBe('bad');
    expect(buffer.push(delta(3))).toBe('dropped');
    expect(buffer.push(key(4))).toBe('stored');
    expect(buffer.push(delta(5))).toBe('stored');
  });

  it('bounds a group of pictures: past the bound, deltas wait for the next key frame', () => {
    const buffer = new TileBuffer();
    buffer.push(config);
    buffer.push(key(0));
    for (let i = 1; i < MAX_GOP_PACKETS; i++) expect(buffer.push(delta(i))).toBe('stored');
    expect(buffer.push(delta(MAX_GOP_PACKETS))).toBe('dropped');
    expect(buffer.since(-1).packets.length).toBe(MAX_GOP_PACKETS + 1);
  });

  it('knows an Annex B access unit from garbage', () => {
    expect(looksLikeAnnexB(Uint8Array.from([0, 0, 1, 0x65, 0]))).toBe(true);
    expect(looksLikeAnnexB(Uint8Array.from([0, 0, 0, 1, 0x41]))).toBe(true);
    expect(looksLikeAnnexB(Uint8Array.from([1, 0, 0, 1, 0x41]))).toBe(false);
    expect(looksLikeAnnexB(Uint8Array.from([0, 0]))).toBe(false);
  });
});
