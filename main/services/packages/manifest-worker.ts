import { Worker } from 'node:worker_threads';
import { decodeManifest } from './manifest-decoder';
import type { DecodedManifest } from './manifest-decoder';

/** A real manifest decodes in well under this; more means a hostile one. */
const DECODE_TIMEOUT_MS = 10_000;
/** The worker's whole JavaScript heap: a 4 MiB manifest decodes in a few MiB. */
const HEAP_MB = 48;
/** Decoded text across all strings read: real manifests hold a few KB. */
const MAX_DECODED_CHARS = 2 * 1024 * 1024;

// The worker runs the decoder's own source text, so the same code serves vitest, tsx and the esbuild
// bundle (no separate worker file to ship). `__name` is what esbuild's keepNames inserts; it is defined
// here so the text runs whichever of them produced it.
const WORKER_SOURCE = `
const __name = (target) => target;
const { parentPort, workerData } = require('node:worker_threads');
const decodeManifest = (${decodeManifest.toString()});
try {
  parentPort.postMessage({ ok: true, value: decodeManifest(workerData.bytes, workerData.maxDecodedChars) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error).slice(0, 300) });
}
`;

export class ManifestDecodeError extends Error {
  override readonly name = 'ManifestDecodeError';
}

/**
 * Decodes a manifest in a worker thread with a capped heap and a deadline: a crafted manifest can at
 * worst end that worker (out of memory, too slow), never main.
 */
export function decodeManifestInWorker(bytes: Uint8Array): Promise<DecodedManifest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, maxDecodedChars: MAX_DECODED_CHARS },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 8, codeRangeSizeMb: 8, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new ManifestDecodeError('Reading the manifest took too long'))), DECODE_TIMEOUT_MS);
    worker.on('message', (message: { ok: true; value: DecodedManifest } | { ok: false; message: string }) =>
      settle(() => (message.ok ? resolve(message.value) : reject(new ManifestDecodeError(message.message)))),
    );
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() => reject(new ManifestDecodeError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The manifest needs more memory than any app manifest' : error.message))),
    );
    worker.on('exit', () => settle(() => reject(new ManifestDecodeError('The manifest reader stopped'))));
  });
}
