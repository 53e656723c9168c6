import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLrsClient, statementsUrl } from '../../../../main/services/lrs/lrs-client';
import type { LrsConfig } from '../../../../shared/xapi/lrs-config';
import { useTestServer } from '../../../reference-server/use-test-server';
import { completedStatement } from '../../../support/xapi-statement';

const t = useTestServer();

const statement = completedStatement;

const client = (config: LrsConfig | null) => createLrsClient({ config: async () => config, timeoutMs: 2000 });
const lrs = (): LrsConfig => ({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'token', token: t.token } });

describe('the LRS client against the reference server’s LRS', () => {
  it('POSTs a batch with the version header and token, and reads the ids back; the same batch again is accepted', async () => {
    const batch = [statement(), statement()];
    const result = await client(lrs())(batch);
    expect(result).toEqual({ kind: 'response', status: 200, body: batch.map((s) => s.id) });
    expect(await client(lrs())(batch)).toMatchObject({ status: 200 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(2);
  });

  it('a different statement under a stored id is 409 and stores nothing of its batch', async () => {
    const first = statement();
    await client(lrs())([first]);
    const result = await client(lrs())([statement(), statement(first.id, 10)]);
    expect(result).toMatchObject({ kind: 'response', status: 409 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(1);
  });

  it('the LRS refuses a request without X-Experience-API-Version, and a voided voiding statement', async () => {
    const raw = await fetch(`${t.server.url}/xapi/statements`, { method: 'POST', headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' }, body: JSON.stringify([statement()]) });
    expect(raw.status).toBe(400);
    const target = statement();
    const voiding = { id: randomUUID(), actor: target.actor, verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } }, object: { objectType: 'StatementRef', id: target.id } };
    expect(await client(lrs())([target, voiding])).toMatchObject({ status: 200 });
    const voidTheVoid = { ...voiding, id: randomUUID(), object: { objectType: 'StatementRef', id: voiding.id } };
    expect(await client(lrs())([voidTheVoid])).toMatchObject({ status: 400 });
  });

  it('signs in with HTTP Basic (key name and secret) end to end, and reads the ids back', async () => {
    const basic = client({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'basic', username: 'outpost-kiosk', password: t.token } });
    const batch = [statement(), statement()];
    expect(await basic(batch)).toEqual({ kind: 'response', status: 200, body: batch.map((s) => s.id) });
    expect(t.server.inspect.xapiStatements().map((r) => r.id).sort()).toEqual(batch.map((s) => s.id).sort());
  });

  it('speaks 1.0.x on the LRS path: the LRS refuses another version (400) and names its own on each answer', async () => {
    const body = JSON.stringify([statement()]);
    for (const version of ['2.0.0', '1.1.0', 'x']) {
      const raw = await fetch(`${t.server.url}/xapi/statements`, { method: 'POST', headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json', 'x-experience-api-version': version }, body });
      expect(raw.status).toBe(400);
      expect(raw.headers.get('x-experience-api-version')).toBe('1.0.3');
    }
    expect(t.server.inspect.xapiStatements()).toHaveLength(0);
    // What the client sends is accepted.
    expect(await client(lrs())([statement()])).toMatchObject({ kind: 'response', status: 200 });
  });

  it('never follows a redirect, says when no LRS is set, and keeps credentials out of what it returns', async () => {
    t.server.faults.answerNext(1, { kind: 'redirect', status: 302, location: 'http://portal.example/' }, { path: '/xapi/statements' });
    expect(await client(lrs())([statement()])).toMatchObject({ kind: 'response', status: 302 });
    expect(t.server.inspect.xapiStatements()).toHaveLength(0);
    expect(await client(null)([statement()])).toEqual({ kind: 'not_configured' });
    const refused = await client({ endpoint: `${t.server.url}/xapi`, auth: { kind: 'basic', username: 'kiosk', password: 'hunter2-secret' } })([statement()]);
    expect(refused).toMatchObject({ kind: 'response', status: 401 });
    expect(JSON.stringify(refused)).not.toContain('hunter2');
  });

  it('builds <endpoint>/statements with the URL API, whatever the trailing slash', () => {
    expect(statementsUrl('https://LRS.example.org/xapi').href).toBe('https://lrs.example.org/xapi/statements');
    expect(statementsUrl('https://lrs.example.org/xapi/').href).toBe('https://lrs.example.org/xapi/statements');
  });
});
