import { readCappedBytes } from '../../../shared/bytes/read-capped-bytes';
import { redactJson, redactToken } from './bound-token';

/** Far above any answer of the seed APIs; a remote (or a portal) sending more is not answering us. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

export interface ReadAnswer {
  readonly body: unknown;
  /** Set when the body is not readable JSON; the body is then `{ error: <start of the text> }` or null. */
  readonly problem?: string;
}

async function readCapped(response: Response, maxBytes: number): Promise<{ text: string; tooLarge: boolean }> {
  if (!response.body) return { text: '', tooLarge: false };
  const bytes = await readCappedBytes(response.body.getReader(), maxBytes);
  return bytes === null ? { text: '', tooLarge: true } : { text: new TextDecoder().decode(bytes), tooLarge: false };
}

/**
 * Reads a remote answer, at most `maxBytes`, and says plainly when it is not JSON: a captive portal's
 * HTML page, a body cut short, nothing where JSON was due. The token is cut out of whatever goes back.
 */
export async function readAnswer(response: Response, token: string | null, maxBytes = MAX_ANSWER_BYTES): Promise<ReadAnswer> {
  const { text, tooLarge } = await readCapped(response, maxBytes);
  if (tooLarge) return { body: null, problem: `The answer was larger than ${maxBytes} bytes` };
  if (text === '') return { body: null, ...(response.status === 204 ? {} : { problem: 'The answer was empty' }) };
  try {
    return { body: redactJson(JSON.parse(text), token) };
  } catch {
    const type = (response.headers.get('content-type') ?? 'no content type').slice(0, 80);
    const looksHtml = /^\s*</.test(text);
    const problem = looksHtml ? `The answer was a web page (${type}), not the API's JSON` : `The answer was not complete JSON (${type}, ${text.length} characters)`;
    return { body: { error: redactToken(text, token).slice(0, 500) }, problem };
  }
}
