import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the shell needs to know, written into its page by main: never the app's bridge, only addresses. */
export interface PlayerConfig {
  readonly sessionId: string;
  readonly packageId: string;
  /** The app's origin(s): the only windows the shell accepts messages from and posts to. */
  readonly appOrigins: readonly string[];
}

const escapeAttribute = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export const PLAYER_META = 'outpost-player';

/** The built shell page (renderer/scorm-player) with its configuration in a meta tag (no inline script: CSP). */
export async function playerPage(rendererDir: string, config: PlayerConfig): Promise<string> {
  const html = await readFile(join(rendererDir, 'scorm-player', 'index.html'), 'utf8');
  const meta = `<meta name="${PLAYER_META}" content="${escapeAttribute(JSON.stringify(config))}">`;
  return html.replace('</head>', `${meta}</head>`);
}

export const LAUNCH_UNAVAILABLE_HTML =
  '<!doctype html><html><head><meta charset="utf-8"><title>Launch link unavailable</title></head><body><h1>Launch link unavailable</h1><p>Open the course again from Outpost.</p></body></html>';
