import type { SecretStore } from './secret-store';

/** The origin (scheme, host, port) the token belongs to; paths do not matter to who receives it. */
export function originOf(baseUrl: string): string {
  return new URL(baseUrl).origin;
}

/** The token, but only for the origin it was given for: after the API address changes it stays unused. */
export async function tokenFor(secrets: SecretStore, baseUrl: string): Promise<string | null> {
  const stored = await secrets.get();
  if (stored === null) return null;
  return stored.origin === originOf(baseUrl) ? stored.token : null;
}

const REDACTED = '[redacted]';

/**
 * Removes the token from text bound for the renderer or a log: an error message or a server that
 * echoes request headers must not carry it out of main.
 */
export function redactToken(text: string, token: string | null): string {
  if (!token) return text;
  // Both the raw form and its JSON-escaped form, since bodies are handled as JSON text.
  const escaped = JSON.stringify(token).slice(1, -1);
  return text.split(token).join(REDACTED).split(escaped).join(REDACTED);
}

/** The same for a parsed JSON body: round-trips through text so nested strings are covered too. */
export function redactJson(value: unknown, token: string | null): unknown {
  if (!token || value === null || value === undefined) return value;
  const text = JSON.stringify(value);
  if (!text.includes(JSON.stringify(token).slice(1, -1))) return value;
  try {
    return JSON.parse(redactToken(text, token)) as unknown;
  } catch {
    // A token with JSON syntax in it can break the text when cut out; then nothing of the body goes.
    return { error: REDACTED };
  }
}
