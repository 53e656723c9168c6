/**
 * What adb's answer to `adb connect` means, in the terms an instructor can act on. adb's text is kept and
 * shown too (it is the most precise), but "failed to connect to '10.0.0.7:5555': Connection refused" means
 * "the headset is not listening": Wi-Fi debugging is off since it restarted.
 */
export type ConnectAnswer =
  | 'connected'
  | 'already_connected'
  /** Reached, nothing listening: wireless debugging is off (it is after every restart) or another port. */
  | 'refused'
  /** No route: not on this network, or the address is wrong. */
  | 'unreachable'
  /** Nothing answered in time: asleep, off, or the address is someone else's. */
  | 'no_answer'
  /** Listening, but waiting for the person wearing it to allow this computer. */
  | 'unauthorized'
  /** The name is not known on this network. */
  | 'unresolved'
  /** Newer headsets ask for pairing with a code before they accept a connection. */
  | 'needs_pairing'
  | 'unknown';

// Only the first line is read, at most 500 characters: the answer is one line, and nothing it says may cost more.
const RULES: ReadonlyArray<readonly [RegExp, ConnectAnswer]> = [
  [/^already connected to /i, 'already_connected'],
  [/^connected to /i, 'connected'],
  [/failed to authenticate|unauthori[sz]ed/i, 'unauthorized'],
  [/failed to resolve host|name or service not known|no address associated|nodename nor servname/i, 'unresolved'],
  [/connection refused/i, 'refused'],
  [/no route to host|network is unreachable|host is unreachable/i, 'unreachable'],
  [/timed out|no answer to adb connect|did not answer/i, 'no_answer'],
  [/pair(ing)? (is )?required|needs to be paired|not paired/i, 'needs_pairing'],
  // adb 29 says only "failed to connect to HOST:PORT" when the connection fails without a reason.
  [/^failed to connect to /i, 'refused'],
];

export function readConnectAnswer(text: string): ConnectAnswer {
  const line = text.slice(0, 500).split('\n', 1)[0]?.trim() ?? '';
  for (const [pattern, answer] of RULES) if (pattern.test(line)) return answer;
  return 'unknown';
}
