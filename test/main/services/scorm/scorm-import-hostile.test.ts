import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../../../main/services/scorm/import-limits';
import type { ImportLimits } from '../../../../main/services/scorm/import-limits';
import { ScormImporter } from '../../../../main/services/scorm/scorm-importer';
import { buildRawZip } from '../../../support/scorm-raw-zip';
import type { RawEntry } from '../../../support/scorm-raw-zip';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorm-hostile-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const manifest = (href = 'index.html', extra = '') => `<?xml version="1.0"?>${extra}<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
<resources><resource identifier="r" adlcp:scormtype="sco" href="${href}"/></resources></manifest>`;
const good: RawEntry[] = [{ name: 'imsmanifest.xml', data: manifest() }, { name: 'index.html', data: '<p>x</p>' }];

async function refused(entries: RawEntry[] | Buffer, code: string, limits: Partial<ImportLimits> = {}): Promise<string> {
  const importer = new ScormImporter(join(dir, 'courses'), { ...DEFAULT_IMPORT_LIMITS, ...limits });
  const zip = Buffer.isBuffer(entries) ? entries : buildRawZip(entries);
  const error = await importer.import(Readable.from([zip])).then(
    () => null,
    (e: unknown) => e as { code: string; message: string },
  );
  expect(error?.code).toBe(code);
  // Nothing half imported: no course folder, no staging folder.
  expect(await readdir(join(dir, 'courses'))).toEqual([]);
  return error?.message ?? '';
}

describe('zip policy', () => {
  it.each([
    ['/etc/passwd', 'absolute'],
    ['a/../../evil.html', 'dot segment'],
    ['..\\evil.html', 'dot segment'],
    ['C:\\Windows\\evil.html', 'drive letter'],
    ['a\u0000b.html', 'NUL'],
    ['index.html:secret', 'colon'],
    ['CON', 'reserved'],
    ['docs/aux.txt', 'reserved'],
    ['lpt1.html', 'reserved'],
    ['a//b.html', 'empty path segment'],
    ['trailing./x.html', 'dot or space'],
    ['bad|name.html', 'Windows'],
  ])('refuses the entry name %j (%s)', async (name, why) => {
    const message = await refused([...good, { name, data: 'x' }], 'UNSAFE_PATH');
    expect(message).toContain(why);
  });

  it('refuses case-only duplicates', async () => {
    await refused([...good, { name: 'Page.html', data: 'a' }, { name: 'page.html', data: 'b' }], 'DUPLICATE_PATH');
  });

  it('refuses Unicode-normalisation duplicates', async () => {
    await refused([...good, { name: 'caf\u00e9.html', data: 'a' }, { name: 'cafe\u0301.html', data: 'b' }], 'DUPLICATE_PATH');
  });

  it('refuses symbolic links', async () => {
    await refused([...good, { name: 'link', data: '/etc/passwd', unixMode: 0o120777 }], 'SYMLINK');
  });

  it('refuses too many entries', async () => {
    await refused([...good, ...Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.html`, data: 'x' }))], 'TOO_MANY_ENTRIES', { maxEntries: 5 });
  });

  it('refuses a course larger than the limit, counted while inflating', async () => {
    await refused([...good, { name: 'big.bin', data: Buffer.alloc(200_000, 7), deflate: true }], 'TOO_LARGE', { maxTotalBytes: 100_000 });
  });

  it('refuses a zip bomb by its compression ratio', async () => {
    await refused([...good, { name: 'bomb.bin', data: Buffer.alloc(30 * 1024 * 1024), deflate: true }], 'SUSPICIOUS_COMPRESSION');
  });

  it('does not trust a declared size: an entry inflating past it is refused', async () => {
    await refused([...good, { name: 'liar.bin', data: Buffer.alloc(5 * 1024 * 1024, 1), deflate: true, declaredSize: 10 }], 'SIZE_MISMATCH');
  });

  it('refuses a zip larger than allowed before reading it', async () => {
    await refused(good, 'TOO_LARGE', { maxZipBytes: 100 });
  });

  it('refuses what is not a zip, and an empty upload', async () => {
    await refused(Buffer.from('hello, not a zip at all'), 'NOT_A_ZIP');
    await refused(Buffer.alloc(0), 'EMPTY');
  });
});

describe('manifest policy', () => {
  it('refuses a zip without imsmanifest.xml, or with it two folders down', async () => {
    await refused([{ name: 'index.html', data: 'x' }], 'NO_MANIFEST');
    await refused([{ name: 'a/b/imsmanifest.xml', data: manifest() }, { name: 'c/index.html', data: 'x' }], 'NO_MANIFEST');
  });

  it('refuses entity declarations (billion laughs) and external entities', async () => {
    const laughs = '<!DOCTYPE manifest [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>';
    await refused([{ name: 'imsmanifest.xml', data: manifest('index.html', laughs) }, { name: 'index.html', data: 'x' }], 'UNSAFE_MANIFEST');
    const external = '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
    await refused([{ name: 'imsmanifest.xml', data: manifest('index.html', external) }, { name: 'index.html', data: 'x' }], 'UNSAFE_MANIFEST');
  });

  it('refuses malformed XML', async () => {
    await refused([{ name: 'imsmanifest.xml', data: '<manifest><organizations></manifest>' }, { name: 'index.html', data: 'x' }], 'MALFORMED_MANIFEST');
    await refused([{ name: 'imsmanifest.xml', data: '<notamanifest/>' }], 'MALFORMED_MANIFEST');
  });

  it('refuses an item pointing at a missing resource, or a launch file not in the zip', async () => {
    const missing = manifest().replace('identifierref="r"', 'identifierref="nope"');
    await refused([{ name: 'imsmanifest.xml', data: missing }, { name: 'index.html', data: 'x' }], 'MALFORMED_MANIFEST');
    await refused([{ name: 'imsmanifest.xml', data: manifest('gone.html') }], 'MALFORMED_MANIFEST');
  });

  it('refuses launches outside the package or from the network', async () => {
    await refused([{ name: 'imsmanifest.xml', data: manifest('../outside.html') }, { name: 'index.html', data: 'x' }], 'UNSUPPORTED_MANIFEST');
    await refused([{ name: 'imsmanifest.xml', data: manifest('https://example.org/course.html') }], 'UNSUPPORTED_MANIFEST');
  });

  it('refuses duplicate identifiers and a course with nothing to launch', async () => {
    const twice = manifest().replace('<item identifier="i" identifierref="r"><title>I</title></item>', '<item identifier="i" identifierref="r"/><item identifier="i" identifierref="r"/>');
    await refused([{ name: 'imsmanifest.xml', data: twice }, { name: 'index.html', data: 'x' }], 'MALFORMED_MANIFEST');
    const empty = manifest().replace('<item identifier="i" identifierref="r"><title>I</title></item>', '<item identifier="i"><title>Cluster</title></item>').replace('adlcp:scormtype="sco"', 'adlcp:scormtype="asset"');
    await refused([{ name: 'imsmanifest.xml', data: empty }, { name: 'index.html', data: 'x' }], 'UNSUPPORTED_MANIFEST');
  });

  it('refuses items nested deeper than the limit', async () => {
    let items = '<item identifier="leaf" identifierref="r"/>';
    for (let i = 0; i < 40; i += 1) items = `<item identifier="n${i}">${items}</item>`;
    const deep = manifest().replace('<item identifier="i" identifierref="r"><title>I</title></item>', items);
    await refused([{ name: 'imsmanifest.xml', data: deep }, { name: 'index.html', data: 'x' }], 'MALFORMED_MANIFEST');
  });
});
