import type { RemoteRequest, RemoteResult } from '../../shared/sync/remote-contract';
import type { RemotePort } from '../../renderer/src/sync/sync-engine';

/** The id the scripted remote gives its n-th session (the seed's ids are UUIDs). */
export const remoteSessionId = (n: number) => `7e307e00-0000-4000-8000-${String(n).padStart(12, '0')}`;

const session = (id: string, status: string) => ({ id, package_id: '00000000-0000-4000-8000-000000000000', status, completion_mode: 'self_report', package: { id: '00000000-0000-4000-8000-000000000000', title: 'Scripted', version: '1.0.0', target_platforms: ['quest3'] } });

/**
 * A scripted remote: answers VR creates with its own ids and everything else with a 2xx in the seed's
 * response shape (sync counts only a readable answer as delivered), recording requests. Statements go to
 * an LRS that stores them (200 with their ids) unless `lrs: false`, where main answers that none is set.
 */
export function scriptedRemote(script: (req: RemoteRequest, n: number) => RemoteResult | undefined = () => undefined, options: { lrs?: boolean } = {}) {
  const requests: RemoteRequest[] = [];
  let nextId = 1;
  let inFlight = 0;
  let maxInFlight = 0;
  const port: RemotePort = async (req) => {
    // With no LRS main says so without any request leaving it, so nothing is recorded.
    if (req.path === '/statements' && options.lrs === false) return { kind: 'not_configured' };
    requests.push(req);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    inFlight -= 1;
    const scripted = script(req, requests.length);
    if (scripted) return scripted;
    if (req.path === '/api/vr-sessions') return { kind: 'response', status: 201, body: { session: session(remoteSessionId(nextId++), 'downloading'), message: 'VR session created' } };
    const vr = /^\/api\/vr-sessions\/([^/]+)(\/complete)?$/.exec(req.path);
    if (vr?.[2]) return { kind: 'response', status: 200, body: { session: session(vr[1] ?? '', 'completed'), message: 'VR experience completed successfully' } };
    if (vr) return { kind: 'response', status: 200, body: { session: session(vr[1] ?? '', 'in_progress') } };
    if (req.path === '/statements') return { kind: 'response', status: 200, body: (req.body as Array<{ id?: unknown }>).map((s) => s.id) };
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
