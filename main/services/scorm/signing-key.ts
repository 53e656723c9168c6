import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The launch-signing key: 32 random bytes in a 0600 file of the data folder, so launch links minted before
 * a restart still work for their four hours. Created on first use; a damaged file is replaced (the only
 * cost is that outstanding links stop working, and a learner's Play mints a new one).
 */
export function loadSigningKey(file: string): Buffer {
  try {
    const key = readFileSync(file);
    if (key.length === 32) return key;
  } catch {
    // First start: fall through and create it.
  }
  const key = randomBytes(32);
  // The very first start may find no data folder yet (a new --data-dir, or a fresh user profile).
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
