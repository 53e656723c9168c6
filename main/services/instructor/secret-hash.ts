import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** scrypt cost: N=2^15, r=8 takes ~32 MiB and tens of milliseconds, so guessing offline is slow too. */
export const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1, keylen: 32 } as const;
export type KdfParams = { readonly N: number; readonly r: number; readonly p: number; readonly keylen: number };

export const secretHashSchema = z.object({
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keylen: z.number().int().min(16).max(64),
  salt: z.base64(),
  hash: z.base64(),
});
export type SecretHash = z.infer<typeof secretHashSchema>;

function derive(secret: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  // NFC, so the same passphrase typed through different input methods gives the same bytes.
  const bytes = Buffer.from(secret.normalize('NFC'), 'utf8');
  return new Promise((resolve, reject) => {
    scrypt(bytes, salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashSecret(secret: string, params: KdfParams = DEFAULT_KDF): Promise<SecretHash> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, params);
  return { kdf: 'scrypt', N: params.N, r: params.r, p: params.p, keylen: params.keylen, salt: salt.toString('base64'), hash: key.toString('base64') };
}

/** Uses the parameters stored with the hash, so raising DEFAULT_KDF later keeps old hashes verifiable. */
export async function verifySecret(secret: string, stored: SecretHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await derive(secret, Buffer.from(stored.salt, 'base64'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}
