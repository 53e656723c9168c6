import { z } from 'zod';
import { JsonFileStore } from '../json-file-store';
import { secretHashSchema } from './secret-hash';

export const credentialSchema = z.object({
  hash: secretHashSchema.nullable(),
  /** Consecutive wrong passphrases; counted before each check so parallel guesses all count. */
  failures: z.number().int().min(0),
  locked_until: z.iso.datetime().nullable(),
});
export type Credential = z.infer<typeof credentialSchema>;

export const NO_CREDENTIAL: Credential = { hash: null, failures: 0, locked_until: null };

/**
 * The instructor credential in a 0600 file. A damaged file is an error rather than "no credential":
 * reading it as unset would let anyone at the kiosk choose a new passphrase.
 */
export function credentialFile(path: string): JsonFileStore<Credential> {
  return new JsonFileStore(path, credentialSchema, NO_CREDENTIAL, 0o600, 'throw');
}
