import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLrsBatcher } from '../../../../main/services/lrs/lrs-batcher';
import type { PostStatements } from '../../../../main/services/lrs/lrs-batcher';
import { createLrsClient } from '../../../../main/services/lrs/lrs-client';
import type { RemoteResult } from '../../../../shared/sync/remote-contract';
import { useTestServer } from '../../../reference-server/use-test-server';
import { completedStatement } from '../../../support/xapi-statement';

const t = useTestServer();

const statement = completedStatement;

const POSTS = 'POST /xapi/statements';
const client = () => createLrsClient({ config: async () => ({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'token', token: t.token } }), timeoutMs: 2000 });

describe('batching statements sent together into one POST', () => {
  it('sends what arrives within the window as one array and gives each sender its own id back', async () => {
    const send = createLrsBatcher(client(), { windowMs: 30 });
    const statements = Array.from({ length: 6 }, () => statement());
    const results = await Promise.all(statements.map((s) => send([s])));
    expect(results).toEqual(statements.map((s) => ({ kind: 'response', status: 200, body: [s.id] })));
    expect(t.server.requests.count(POSTS)).toBe(1);
    expect(t.server.inspect.xapiStatements()).toHaveLength(6);
  });

  it('never puts more than the limit in one POST', async () => {
    const send = createLrsBatcher(client(), { windowMs: 30, maxStatements: 4 });
    const statements = Array.from({ length: 10 }, () => statement());
    const results = await Promise.all(statements.map((s) => send([s])));
    expect(results.every((r) => r.kind === 'response' && r.status === 200)).toBe(true);
    expect(t.server.requests.count(POSTS)).toBe(3);
    expect(t.server.inspect.xapiStatements()).toHaveLength(10);
  });

  it('a batch refused for one conflicting statement is sent again one by one: only that one is refused', async () => {
    const stored = statement();
    await client()([stored]);
    t.server.requests.reset();
    const send = createLrsBatcher(client(), { windowMs: 30 });
    const good = [statement(), statement()];
    const clash = statement(stored.id, 10);
    const [a, b, c] = await Promise.all([send([good[0]]), send([clash]), send([good[1]])]);
    expect(a).toMatchObject({ status: 200, body: [good[0]?.id] });
    expect(b).toMatchObject({ status: 409 });
    expect(c).toMatchObject({ status: 200, body: [good[1]?.id] });
    expect(t.server.requests.count(POSTS)).toBe(4);
    expect(t.server.inspect.xapiStatements()).toHaveLength(3);
  });

  it('a failure of the whole request (5xx, 401) reaches every sender as it is, without single resends', async () => {
    t.server.faults.answerNext(1, { kind: 'retry_after', status: 503, value: '5' }, { path: '/xapi/statements' });
    const send = createLrsBatcher(client(), { windowMs: 30 });
    const results = await Promise.all([send([statement()]), send([statement()])]);
    expect(results.map((r) => (r.kind === 'response' ? r.status : r.kind))).toEqual([503, 503]);
    expect(t.server.requests.count(POSTS)).toBe(1);
    expect(t.server.inspect.xapiStatements()).toHaveLength(0);
  });

  it('a 200 that does not list one id per statement is not delivery: every sender is told why', async () => {
    const fake: PostStatements = async () => ({ kind: 'response', status: 200, body: [randomUUID()] });
    const send = createLrsBatcher(fake, { windowMs: 10 });
    const results: RemoteResult[] = await Promise.all([send([statement()]), send([statement()])]);
    for (const result of results) expect(result).toMatchObject({ kind: 'response', status: 200, body_problem: 'The LRS answered 200 with 1 ids for 2 statements' });
  });

  it('a client that throws becomes a network failure for its senders, never an unhandled rejection', async () => {
    const send = createLrsBatcher(() => Promise.reject(new Error('socket hang up')), { windowMs: 5 });
    expect(await send([statement()])).toEqual({ kind: 'network', message: 'socket hang up' });
  });
});
