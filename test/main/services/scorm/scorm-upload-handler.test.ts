import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_TICKET_HEADER } from '../../../../shared/ipc/instructor-contract';
import { UploadTickets } from '../../../../main/services/instructor/upload-tickets';
import { ScormImporter } from '../../../../main/services/scorm/scorm-importer';
import { createScormUploadHandler } from '../../../../main/services/scorm/scorm-upload-handler';
import { single2004Zip } from '../../../support/scorm-packages';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorm-upload-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('PUT /upload/scorm', () => {
  it('needs a single-use instructor ticket, imports a good zip and refuses a bad one with its code', async () => {
    const tickets = new UploadTickets(() => new Date());
    const handler = createScormUploadHandler(new ScormImporter(join(dir, 'c')), tickets, () => undefined);
    const put = (body: BodyInit, ticket: string | null) =>
      handler(new Request('http://127.0.0.1/upload/scorm', { method: 'PUT', body, headers: ticket ? { [UPLOAD_TICKET_HEADER]: ticket } : {} }));
    expect((await put(new Uint8Array(await single2004Zip()), null)).status).toBe(403);
    const { ticket } = tickets.issue();
    const ok = await put(new Uint8Array(await single2004Zip()), ticket);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { value: { title: string } }).value.title).toBe('Runtime sweep 2004');
    expect((await put(new Uint8Array(await single2004Zip()), ticket)).status).toBe(403);
    const bad = await put('not a zip', tickets.issue().ticket);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'NOT_A_ZIP' } });
    expect((await readdir(join(dir, 'c'))).length).toBe(1);
  });
});
