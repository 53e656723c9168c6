import type { PinHash } from '../db/rows';
import { digestsEqual, fromHex, toHex } from './crypto-hex';

/** PINs are short, so the hash is slow on purpose; the figure follows current PBKDF2-SHA256 guidance. */
export const PIN_ITERATIONS = 210_000;
export const PIN_PATTERN = /^\d{4,8}$/;

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return toHex(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('A PIN is 4 to 8 digits');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toHex(salt), hash: await derive(pin, salt, iterations), iterations };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  return digestsEqual(await derive(pin, fromHex(stored.salt), stored.iterations), stored.hash);
}
