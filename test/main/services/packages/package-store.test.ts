import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackageStore } from '../../../../main/services/packages/package-store';
import { createUploadHandler } from '../../../../main/services/packages/upload-handler';
import { buildApk } from '../../../fakes/apk-builder';
import type { BuiltApk } from '../../../fakes/apk-builder';

let dir: string;
let apk: BuiltApk;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outpost-store-'));
  apk = await buildApk({ packageName: 'org.example.safety', versionCode: 7, versionName: '1.0.7', label: 'Safety VR', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 512 * 1024 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(dirname(apk.path), { recursive: true, force: true });
});

describe('PackageStore', () => {
  it('stores an APK under its checksum with what the manifest says, reporting bytes as they arrive', async () => {
    const store = new PackageStore(join(dir, 'a'));
    const seen: number[] = [];
    const stored = await store.import('apk', 'safety.apk', createReadStream(apk.path), (bytes) => seen.push(bytes));
    expect(stored).toMatchObject({ kind: 'apk', size_bytes: apk.sizeBytes, file_name: 'safety.apk', apk: { package_name: 'org.example.safety', version_code: 7, label: 'Safety VR' } });
    expect(seen.at(-1)).toBe(apk.sizeBytes);
    expect(await store.has('apk', stored.sha256)).toBe(true);
    expect(await store.storedApks()).toEqual([stored.sha256]);
    const again = await store.import('apk', 'copy.apk', createReadStream(apk.path));
    expect(again.sha256).toBe(stored.sha256);
    expect(await store.storedApks()).toHaveLength(1);
  });

  it('refuses a file that is not an APK, an empty one, or a bad name, and leaves nothing behind', async () => {
    const store = new PackageStore(join(dir, 'b'));
    await expect(store.import('apk', 'notes.apk', Readable.from([Buffer.from('hello')]))).rejects.toMatchObject({ code: 'NOT_AN_APK' });
    await expect(store.import('apk', 'empty.apk', Readable.from([]))).rejects.toMatchObject({ code: 'EMPTY' });
    await expect(store.import('apk', '../evil.apk', Readable.from([Buffer.from('x')]))).rejects.toMatchObject({ code: 'BAD_NAME' });
    expect(await readdir(join(dir, 'b'))).toEqual([]);
  });
});

describe('upload handler', () => {
  it('accepts PUT /upload/apk and answers with the stored file', async () => {
    const upload = createUploadHandler(new PackageStore(join(dir, 'c')), { redeem: () => true });
    const body = Readable.toWeb(createReadStream(apk.path)) as ReadableStream;
    const response = await upload(new Request('http://127.0.0.1/upload/apk?name=safety.apk', { method: 'PUT', body, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { kind: 'apk', apk: { package_name: 'org.example.safety' } } });
  });

  it('answers 400 with a code for a bad file and 404 for an unknown kind', async () => {
    const upload = createUploadHandler(new PackageStore(join(dir, 'd')), { redeem: () => true });
    const bad = await upload(new Request('http://127.0.0.1/upload/apk?name=x.apk', { method: 'PUT', body: 'not a zip' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'NOT_AN_APK' } });
    expect((await upload(new Request('http://127.0.0.1/upload/exe?name=x', { method: 'PUT', body: 'x' }))).status).toBe(404);
  });
});
