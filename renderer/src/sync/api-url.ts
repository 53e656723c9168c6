import { apiBaseUrlProblem } from '../../../shared/settings';

export type ApiUrlError = 'invalid' | 'protocol' | 'insecure' | 'credentials' | 'query';
export type ApiUrlCheck = { ok: true; value: string | null } | { ok: false; error: ApiUrlError };

/**
 * The API address as typed: empty means "no API" (the kiosk stays offline); anything else must pass the
 * rule main applies when it saves it (shared/settings.ts: https, plain http only to this computer, no
 * user name, password, query or fragment), so a refusal is explained in words before saving.
 */
export function checkApiUrl(input: string): ApiUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: true, value: null };
  const problem = apiBaseUrlProblem(text);
  return problem === null ? { ok: true, value: text } : { ok: false, error: problem };
}
