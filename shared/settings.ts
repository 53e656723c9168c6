import { z } from 'zod';
import { UI_LOCALES } from './i18n/locales';

// shared/ compiles without DOM or Node types; both runtimes it runs in (Node, Chromium) have WHATWG URL.
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}
declare const URL: new (text: string) => ParsedUrl;

/** This computer: the only place plain http may reach (a local test server, an SSH tunnel). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Why an API address is refused, or null when it is fine. The device token goes to this address, so it
 * must be https (http only to this computer), and carry nothing that could smuggle a second meaning:
 * no user:password@, no query, no fragment.
 */
export function apiBaseUrlProblem(text: string): 'invalid' | 'protocol' | 'insecure' | 'credentials' | 'query' | null {
  let url: ParsedUrl;
  try {
    url = new URL(text);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'protocol';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'insecure';
  if (url.username !== '' || url.password !== '' || text.includes('@')) return 'credentials';
  // An empty "?" or "#" leaves search/hash empty, so look at the text as typed too.
  if (text.includes('?') || text.includes('#')) return 'query';
  return null;
}

export const apiBaseUrlSchema = z
  .string()
  .max(2048)
  .superRefine((text, ctx) => {
    const problem = apiBaseUrlProblem(text);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: API_URL_MESSAGES[problem], params: { problem } });
  });

const API_URL_MESSAGES = {
  invalid: 'Must be a web address',
  protocol: 'Must start with https://',
  insecure: 'Must use https (plain http only to this computer: localhost, 127.0.0.1, ::1)',
  credentials: 'Must not contain a user name or password',
  query: 'Must not contain ? or #',
} as const;

export const IDLE_SIGN_OUT_MIN_MINUTES = 1;
export const IDLE_SIGN_OUT_MAX_MINUTES = 120;
export const DEFAULT_IDLE_SIGN_OUT_MINUTES = 5;

/** Device-wide preferences kept by main (they outlive a wiped IndexedDB and are shared by all windows). */
export const settingsSchema = z.object({
  locale: z.enum(UI_LOCALES).nullable(),
  kioskName: z.string().trim().min(1).max(80).nullable(),
  apiBaseUrl: apiBaseUrlSchema.nullable(),
  /** Full-screen kiosk window with no way out but the OS (Electron; `--kiosk` turns it on too). */
  kioskMode: z.boolean(),
  /**
   * A shared kiosk signs a learner (and an instructor) out after this long without a touch or a key, with
   * a visible countdown first. Files written before the setting existed read as the default.
   */
  idleSignOutMinutes: z.number().int().min(IDLE_SIGN_OUT_MIN_MINUTES).max(IDLE_SIGN_OUT_MAX_MINUTES).default(DEFAULT_IDLE_SIGN_OUT_MINUTES),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { locale: null, kioskName: null, apiBaseUrl: null, kioskMode: false, idleSignOutMinutes: DEFAULT_IDLE_SIGN_OUT_MINUTES };

// No defaults in a patch: a field left out stays as it is.
export const settingsPatchSchema = settingsSchema.extend({ idleSignOutMinutes: z.number().int().min(IDLE_SIGN_OUT_MIN_MINUTES).max(IDLE_SIGN_OUT_MAX_MINUTES) }).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
