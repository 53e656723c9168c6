import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';

// Decodes H.264 (Annex B) in Chromium's WebCodecs and hands the decoded pictures back as RGBA, so tests
// check the emulator's stream with a real decoder. WebCodecs needs a secure context: the page is served
// from 127.0.0.1, never a data: URL.

export interface EncodedChunk {
  readonly key: boolean;
  readonly data: Uint8Array;
}

export interface DecodedPicture {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

export interface DecodeOutcome {
  readonly supported: boolean;
  readonly pictures: DecodedPicture[];
  readonly errors: string[];
}

interface PageChunk {
  key: boolean;
  data: string;
}

export async function decodeInChromium(browser: Browser, codec: string, chunks: readonly EncodedChunk[]): Promise<DecodeOutcome> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>decode</title>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const pageChunks: PageChunk[] = chunks.map((c) => ({ key: c.key, data: Buffer.from(c.data).toString('base64') }));
    const result = await page.evaluate(
      async ({ codec, chunks }: { codec: string; chunks: PageChunk[] }) => {
        const support = await VideoDecoder.isConfigSupported({ codec });
        if (support.supported !== true) return { supported: false, pictures: [], errors: [] };
        const pictures: Array<{ width: number; height: number; rgba: string }> = [];
        const errors: string[] = [];
        const frames: VideoFrame[] = [];
        const decoder = new VideoDecoder({ output: (frame) => frames.push(frame), error: (e) => errors.push(String(e)) });
        decoder.configure({ codec, optimizeForLatency: true });
        chunks.forEach((chunk, index) => {
          const bytes = Uint8Array.from(atob(chunk.data), (c) => c.charCodeAt(0));
          try {
            decoder.decode(new EncodedVideoChunk({ type: chunk.key ? 'key' : 'delta', timestamp: index * 100_000, data: bytes }));
          } catch (error) {
            errors.push(String(error));
          }
        });
        try {
          await decoder.flush();
        } catch (error) {
          errors.push(String(error));
        }
        for (const frame of frames) {
          const canvas = new OffscreenCanvas(frame.displayWidth, frame.displayHeight);
          const context = canvas.getContext('2d');
          if (context === null) throw new Error('no 2d context');
          context.drawImage(frame, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
          pictures.push({ width: canvas.width, height: canvas.height, rgba: btoa(binary) });
          frame.close();
        }
        if (decoder.state !== 'closed') decoder.close();
        return { supported: true, pictures, errors };
      },
      { codec, chunks: pageChunks },
    );
    return {
      supported: result.supported,
      errors: result.errors,
      pictures: result.pictures.map((p) => ({ width: p.width, height: p.height, rgba: new Uint8Array(Buffer.from(p.rgba, 'base64')) })),
    };
  } finally {
    await page.close();
    await new Promise((done) => server.close(done));
  }
}
