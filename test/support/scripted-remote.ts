import type { RemoteRequest, RemoteResult } from '../../shared/sync/remote-contract';
import type { RemotePort } from '../../renderer/src/sync/sync-engine';

/** A scripted remote: answers VR creates with its own ids and everything else with 200, recording requests. */
export function scriptedRemote(script: (req: RemoteRequest, n: number) => RemoteResult | undefined = () => undefined) {
  const requests: RemoteRequest[] = [];
  let nextId = 1;
  let inFlight = 0;
  let maxInFlight = 0;
  const port: RemotePort = async (req) => {
    requests.push(req);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    const scripted = script(req, requests.length);
    if (scripted) return scripted;
    if (req.path === '/api/vr-sessions') return { kind: 'response', status: 201, body: { session: { id: `remote-${nextId++}` }, message: 'VR session created' } };
    return { kind: 'response', status: 200, body: {} };
  };
  return { port, requests, maxInFlight: () => maxInFlight };
}

export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
