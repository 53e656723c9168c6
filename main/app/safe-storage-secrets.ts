import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { EncryptedFileSecretStore } from '../services/remote/secret-store';
import type { SecretStore } from '../services/remote/secret-store';

/** The remote API token, encrypted with the OS keychain (DPAPI, Keychain, libsecret) via safeStorage. */
export function safeStorageSecrets(userData: string): SecretStore {
  return new EncryptedFileSecretStore(
    join(userData, 'remote-token.bin'),
    { encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (blob) => safeStorage.decryptString(blob) },
    (path, data) => writeFile(path, data, { mode: 0o600 }),
  );
}
