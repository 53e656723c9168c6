import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { EncryptedFileSecretStore } from '../services/remote/secret-store';
import type { BlobCodec, SecretStore } from '../services/remote/secret-store';

type SafeStorage = Pick<typeof safeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;

/**
 * Whether safeStorage would really protect the token. On Linux without a keyring it falls back to
 * 'basic_text', a key hard-coded in Chromium: encrypted in name only.
 */
export function storageWeakness(safe: SafeStorage, platform: NodeJS.Platform): 'basic_text' | 'unavailable' | null {
  if (!safe.isEncryptionAvailable()) return 'unavailable';
  if (platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text') return 'basic_text';
  return null;
}

/**
 * The remote API token, encrypted with the OS keychain (DPAPI, Keychain, libsecret) via safeStorage.
 * Where there is no real keychain the store refuses (INSECURE_STORAGE) unless the user agreed to keep
 * the token as plain text (remote:set-token's allow_plain_text).
 */
export function safeStorageSecrets(userData: string, safe: SafeStorage = safeStorage, platform: NodeJS.Platform = process.platform): SecretStore {
  const codec: BlobCodec = {
    encrypt: (plain) => safe.encryptString(plain),
    decrypt: (blob) => safe.decryptString(blob),
    weakness: () => storageWeakness(safe, platform),
  };
  return new EncryptedFileSecretStore(join(userData, 'remote-token.bin'), codec, (path, data) => writeFile(path, data, { mode: 0o600 }));
}
