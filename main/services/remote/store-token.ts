import { IpcFailure } from '../../../shared/ipc/result';
import type { DeviceToken, SecretStore } from './secret-store';

/**
 * Stores the token, letting only our own refusals through: any other failure (keychain, disk) becomes a
 * generic error, because its message or stack could quote the token into the renderer or a log.
 */
export async function storeToken(secrets: SecretStore, value: DeviceToken, allowPlainText: boolean): Promise<void> {
  try {
    await secrets.set(value, { allowPlainText });
  } catch (error) {
    if (error instanceof IpcFailure) throw error;
    throw new IpcFailure('UNAVAILABLE', 'The token could not be stored on this computer');
  }
}
