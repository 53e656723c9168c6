import { z } from 'zod';
import { JsonFileStore } from '../../main/services/json-file-store';

/**
 * Writes versions 1, 2, 3, ... of a JSON document through JsonFileStore as fast as it can, each padded to
 * about 64 KiB so a write takes long enough to be cut, and prints each version once its write resolved.
 * The parent SIGKILLs it at a random moment (json-file-store-kill.test.ts).
 */
const path = process.argv[2];
if (!path) throw new Error('usage: json-writer-child.ts FILE');
const store = new JsonFileStore(path, z.object({ version: z.number(), padding: z.string() }), { version: 0, padding: '' });
for (let version = 1; ; version += 1) {
  await store.write({ version, padding: String(version % 10).repeat(65_536) });
  process.stdout.write(`${version}\n`);
}
