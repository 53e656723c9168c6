import { settingsSchema } from '../../../shared/settings';

export type ApiUrlCheck = { ok: true; value: string | null } | { ok: false; error: 'invalid' | 'protocol' };

/**
 * The API address as typed: empty means "no API" (the kiosk stays offline); anything else must be an
 * http(s) URL, the same rule main applies when it saves it, so a refusal is explained before saving.
 */
export function checkApiUrl(input: string): ApiUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'protocol' };
  return settingsSchema.shape.apiBaseUrl.safeParse(text).success ? { ok: true, value: text } : { ok: false, error: 'invalid' };
}
