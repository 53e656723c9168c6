import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScormImportError } from '../../main/services/scorm/import-error';
import { DEFAULT_IMPORT_LIMITS } from '../../main/services/scorm/import-limits';
import { parseManifest } from '../../main/services/scorm/manifest-parser';
import { ScormImporter } from '../../main/services/scorm/scorm-importer';
import { MULTI_SCO_12_MANIFEST, SEQUENCED_2004_MANIFEST, multiSco12Zip } from '../support/scorm-packages';
import { fuzzParams } from './local-api-harness';

/**
 * Malicious SCORM packages beyond the named cases of test/main/services/scorm/scorm-import-hostile.test.ts:
 * the manifest parser over mutated and pathological XML (every outcome a course or a ScormImportError, in
 * time that grows linearly), and the importer over random, truncated and bit-flipped zips (a course or a
 * ScormImportError, and never anything left behind).
 */
const MANIFESTS = [MULTI_SCO_12_MANIFEST, SEQUENCED_2004_MANIFEST];
const XML_BITS = ['<', '>', '/>', '</', '<item identifier="x">', '</item>', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#0;', '&#x110000;', '&lt;', '&bogus;', '"', "'", '=', ' xmlns:a="urn:a"', ' xml:base="../../"', ' identifierref="nowhere"', ' href="http://evil.example/x"', ' href="../../../etc/passwd"', '<?pi x?>', '<!DOCTYPE x>', '<!ENTITY a "b">', '\u0000', '\uFFFE', '😀'];

/** A valid manifest with text spliced in, cut out or cut short, at random places. */
const mutatedManifest = fc.oneof(
  fc.tuple(fc.constantFrom(...MANIFESTS), fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...XML_BITS), fc.string({ maxLength: 8 }))), { minLength: 1, maxLength: 6 })).map(([xml, edits]) =>
    edits.reduce((text, [at, bit]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + bit + text.slice(i);
    }, xml),
  ),
  fc.tuple(fc.constantFrom(...MANIFESTS), fc.nat(), fc.nat({ max: 40 })).map(([xml, at, cut]) => {
    const i = at % (xml.length + 1);
    return xml.slice(0, i) + xml.slice(i + cut);
  }),
  fc.tuple(fc.constantFrom(...MANIFESTS), fc.nat()).map(([xml, at]) => xml.slice(0, at % (xml.length + 1))),
  fc.string({ maxLength: 300 }),
);

function outcomeOf(text: string): 'course' | string {
  try {
    const parsed = parseManifest(text, DEFAULT_IMPORT_LIMITS);
    expect(parsed.organizations.length).toBeGreaterThan(0);
    return 'course';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ScormImportError);
    return (error as ScormImportError).code;
  }
}

const HEAD = '<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"';
const ORGS = (title: string, items = '<item identifier="i" identifierref="r"><title>I</title></item>') =>
  `<organizations default="o"><organization identifier="o"><title>${title}</title>${items}</organization></organizations>`;
const RESOURCES = '<resources><resource identifier="r" adlcp:scormtype="sco" href="index.html"/></resources></manifest>';

/** Pathological manifests of about `n` units each, all well under the 4 MiB manifest limit at the sizes used. */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'attributes on the root': (n) => `${HEAD}${Array.from({ length: n }, (_, i) => ` a${i}="x"`).join('')}>${ORGS('T')}${RESOURCES}`,
  'namespace declarations': (n) => `${HEAD}${Array.from({ length: n }, (_, i) => ` xmlns:p${i}="urn:x${i}"`).join('')}>${ORGS('T')}${RESOURCES}`,
  'nesting outside items': (n) => `${HEAD}><metadata>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</metadata>${ORGS('T')}${RESOURCES}`,
  'nesting inside a title': (n) => `${HEAD}>${ORGS(`${'<b>'.repeat(n)}${'</b>'.repeat(n)}`)}${RESOURCES}`,
  'items nested past the limit': (n) => `${HEAD}>${ORGS('T', `${Array.from({ length: n }, (_, i) => `<item identifier="i${i}" identifierref="r">`).join('')}${'</item>'.repeat(n)}`)}${RESOURCES}`,
  'items side by side past the limit': (n) => `${HEAD}>${ORGS('T', Array.from({ length: n }, (_, i) => `<item identifier="i${i}" identifierref="r"><title>I</title></item>`).join(''))}${RESOURCES}`,
  'comments and processing instructions': (n) => `${HEAD}>${'<!-- c --><?pi x?>'.repeat(n)}${ORGS('T')}${RESOURCES}`,
  'character references': (n) => `${HEAD}>${ORGS('&#x4E2D;&amp;'.repeat(n))}${RESOURCES}`,
  'unclosed tags': (n) => `${HEAD}>${'<a '.repeat(n)}`,
};

describe('fuzz: SCORM manifest parser (main/services/scorm)', () => {
  it('answers any mutation of a real manifest with a course or a ScormImportError', () => {
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(mutatedManifest, (text) => {
        const outcome = outcomeOf(text);
        codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
      }),
      fuzzParams(400),
    );
    expect(codes.get('course') ?? 0, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(0);
    expect(codes.get('MALFORMED_MANIFEST') ?? 0, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(0);
  });

  it('refuses entity and DOCTYPE declarations however they are spelled, before expanding anything', () => {
    const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>`;
    for (const prolog of [lol, lol.toLowerCase(), '<!doctype m SYSTEM "file:///etc/passwd">', '<!DocType m [<!ENTITY x SYSTEM "http://evil.example/">]>', '<!ENTITY x "y">']) {
      const started = performance.now();
      expect(outcomeOf(`<?xml version="1.0"?>${prolog}${HEAD.slice('<?xml version="1.0"?>'.length)}>${ORGS('&lol9;')}${RESOURCES}`)).toBe('UNSAFE_MANIFEST');
      expect(performance.now() - started).toBeLessThan(100);
    }
  });

  it.each(Object.keys(PATHOLOGICAL))('%s: an answer in time that grows linearly with the size', (name) => {
    const build = PATHOLOGICAL[name]!;
    const timed = (n: number) => {
      const text = build(n);
      expect(text.length).toBeLessThan(DEFAULT_IMPORT_LIMITS.maxManifestBytes);
      const started = performance.now();
      outcomeOf(text);
      return performance.now() - started;
    };
    timed(500); // warm up
    const small = Math.min(timed(3_000), timed(3_000));
    const large = Math.min(timed(24_000), timed(24_000));
    // 8x the input: linear is ~8x the time, quadratic ~64x; 32x leaves room for a busy machine, the floor for timer noise.
    expect(large, `${name}: 3k units ${small.toFixed(0)} ms, 24k units ${large.toFixed(0)} ms`).toBeLessThan(Math.max(small * 32, 1_000));
  }, 60_000);
});

describe('fuzz: SCORM import (zip)', () => {
  let dir: string;
  let good: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorm-fuzz-'));
    good = await multiSco12Zip();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers random, truncated and bit-flipped zips with a course or a ScormImportError, leaving no staging behind', async () => {
    const hostileZip = fc.oneof(
      fc.nat({ max: good.length - 1 }).map((at) => good.subarray(0, at)),
      fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
        const copy = Buffer.from(good);
        for (const [at, value] of flips) copy[at] = value;
        return copy;
      }),
      fc.array(fc.tuple(fc.nat({ max: 200 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }).map((flips) => {
        const copy = Buffer.from(good);
        for (const [at, value] of flips) copy[Math.max(0, copy.length - 1 - at)] = value;
        return copy;
      }),
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
      fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.concat([Buffer.from('PK\u0005\u0006'), bytes])),
    );
    const codes = new Map<string, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileZip, async (zip) => {
        n += 1;
        const courses = join(dir, `run-${n}`);
        const importer = new ScormImporter(courses, DEFAULT_IMPORT_LIMITS);
        const started = performance.now();
        const outcome = await importer.import(Readable.from([zip])).then(
          () => 'course',
          (error: unknown) => {
            expect(error, String(error)).toBeInstanceOf(ScormImportError);
            return (error as ScormImportError).code;
          },
        );
        expect(performance.now() - started).toBeLessThan(15_000);
        codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
        const left = await readdir(courses);
        expect(left.filter((name) => name.startsWith('.staging')), 'a staging folder was left behind').toEqual([]);
        if (outcome !== 'course') expect(left).toEqual([]);
        await rm(courses, { recursive: true, force: true });
      }),
      fuzzParams(80),
    );
    expect(codes.size, JSON.stringify(Object.fromEntries(codes))).toBeGreaterThan(1);
  }, 180_000);
});
