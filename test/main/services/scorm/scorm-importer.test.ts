import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchableItems, playedOrganization } from '../../../../shared/scorm/course-tree';
import { ScormImporter } from '../../../../main/services/scorm/scorm-importer';
import { multiSco12Zip, sequenced2004Zip, single2004Zip } from '../../../support/scorm-packages';
import { buildRawZip } from '../../../support/scorm-raw-zip';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'scorm');
let dir: string;
let importer: ScormImporter;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorm-import-'));
  importer = new ScormImporter(join(dir, 'courses'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const run = (zip: Buffer) => importer.import(Readable.from([zip]));

describe('ScormImporter with the real samples', () => {
  it.each([
    ['RuntimeBasicCalls_SCORM12.zip', '1.2', undefined, 1],
    ['ContentPackagingSingleSCO_SCORM12.zip', '1.2', undefined, 1],
    ['RuntimeBasicCalls_SCORM20043rdEdition.zip', '2004', '3rd', 1],
    ['ContentPackagingOneFilePerSCO_SCORM20043rdEdition.zip', '2004', '3rd', 0],
    ['SequencingSimpleRemediation_SCORM20043rdEdition.zip', '2004', '3rd', 8],
  ])('%s imports as SCORM %s', async (file, version, edition, scos) => {
    const zip = await readFile(join(FIXTURES, file));
    const course = await run(zip);
    expect(course.version).toBe(version);
    expect(course.edition).toBe(edition);
    expect(course.sco_count).toBe(scos);
    expect(course.id).toMatch(/^pkg-[0-9a-f]{24}$/);
    expect(course.zip_bytes).toBe(zip.length);
    const first = launchableItems(playedOrganization(course).items)[0];
    expect(first?.launch).toBeTruthy();
    // The files are there and the staging folder is gone.
    expect(await readdir(join(dir, 'courses'))).toEqual([course.id]);
    expect((await readFile(join(dir, 'courses', course.id, 'files', (first?.launch ?? '').split('?')[0] ?? ''))).length).toBeGreaterThan(0);
  });

  it('reads the remediation sample\'s sequencing collection into each item', async () => {
    const course = await run(await readFile(join(FIXTURES, 'SequencingSimpleRemediation_SCORM20043rdEdition.zip')));
    const items = launchableItems(playedOrganization(course).items);
    const quiz = items.find((item) => item.identifier === 'test_1');
    expect(quiz?.launch).toContain('content=assessment1');
    expect(playedOrganization(course).items[0]?.visible).toBe(false);
    expect(items.some((item) => (item.sequencing?.pre_condition_rules.length ?? 0) > 0)).toBe(true);
  });

  it('importing the same zip twice gives the same course once', async () => {
    const zip = await readFile(join(FIXTURES, 'RuntimeBasicCalls_SCORM12.zip'));
    const [a, b] = await Promise.all([run(zip), run(zip)]);
    expect(a.id).toBe(b.id);
    expect(await readdir(join(dir, 'courses'))).toEqual([a.id]);
  });
});

describe('ScormImporter with our edge-case packages', () => {
  it('multi-SCO 1.2: nested items, parameters joined, mastery, launch data, time limit', async () => {
    const course = await run(await multiSco12Zip());
    expect(course).toMatchObject({ version: '1.2', sco_count: 3, title: 'Multi-SCO 1.2', course_version: '1.3' });
    const items = launchableItems(playedOrganization(course).items);
    expect(items.map((i) => i.launch)).toEqual(['sco/probe.html?v=12&sco=A', 'sco/probe.html?v=12&sco=B', 'sco/probe.html?v=12&sco=C']);
    expect(items[0]).toMatchObject({ mastery_score: 80, launch_data: 'launch-A', max_time_allowed: '00:30:00', time_limit_action: 'continue,message', scorm_type: 'sco' });
  });

  it('2004 4th edition: default organization, xml:base, completion threshold, collection and own rules, rollup', async () => {
    const course = await run(await sequenced2004Zip());
    expect(course).toMatchObject({ version: '2004', edition: '4th', default_organization: 'main', sco_count: 2 });
    expect(course.organizations.map((o) => o.identifier)).toEqual(['alt', 'main']);
    const items = launchableItems(playedOrganization(course).items);
    expect(items.map((i) => i.launch)).toEqual(['content/sco/probe.html?v=2004&sco=S1', 'content/sco/probe.html?v=2004&sco=S2', 'content/reading.html']);
    expect(items[0]).toMatchObject({ completion_threshold: 0.75, launch_data: 'launch-S1', max_time_allowed: 'PT1H' });
    expect(items[0]?.sequencing?.exit_condition_rules[0]).toMatchObject({ action: 'exit' });
    expect(items[0]?.sequencing?.attempt_limit).toBe(3);
    expect(items[1]?.sequencing).toMatchObject({ min_normalized_measure: 0.6, satisfied_by_measure: true });
    expect(items[1]?.sequencing?.post_condition_rules[0]).toMatchObject({ combination: 'any', action: 'retry', conditions: [{ condition: 'satisfied', operator: 'not' }] });
    expect(items[2]?.scorm_type).toBe('asset');
    const module1 = playedOrganization(course).items[0];
    expect(module1?.sequencing?.rollup_rules[0]).toMatchObject({ action: 'completed' });
  });

  it('manifest under one top-level folder', async () => {
    const course = await run(await single2004Zip());
    expect(launchableItems(playedOrganization(course).items)[0]?.launch).toBe('probe.html?v=2004&sco=only');
    expect(await readdir(join(dir, 'courses', course.id, 'files'))).toEqual(['imsmanifest.xml', 'probe.html', 'probe.js']);
  });

  it('backslash paths are folders', async () => {
    const course = await run(buildRawZip([{ name: 'imsmanifest.xml', data: MANIFEST_12 }, { name: 'lesson\\index.html', data: '<p>hi</p>' }]));
    expect(await readdir(join(dir, 'courses', course.id, 'files', 'lesson'))).toEqual(['index.html']);
  });
});

const MANIFEST_12 = `<?xml version="1.0"?><manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
<organizations default="o"><organization identifier="o"><title>T</title><item identifier="i" identifierref="r"><title>I</title></item></organization></organizations>
<resources><resource identifier="r" adlcp:scormtype="sco" href="lesson/index.html"/></resources></manifest>`;

describe('removing a course', () => {
  it('removes the files at once, says false for a course it does not have, and the same zip imports again', async () => {
    const zip = await readFile(join(FIXTURES, 'RuntimeBasicCalls_SCORM12.zip'));
    const course = await run(zip);
    expect(await importer.remove(course.id)).toBe(true);
    expect(await importer.exists(course.id)).toBe(false);
    expect(await importer.read(course.id)).toBeNull();
    expect(await readdir(join(dir, 'courses'))).toEqual([]);
    expect(await importer.remove(course.id)).toBe(false);
    // Not a course id: never a path outside the courses folder.
    expect(await importer.remove('../courses')).toBe(false);
    expect(await importer.remove('pkg-../../x')).toBe(false);
    const again = await run(zip);
    expect(again.id).toBe(course.id);
    expect(await importer.exists(course.id)).toBe(true);
  });

  it('at start, sweeps what a crash left of an import or a removal, and leaves courses alone', async () => {
    const course = await run(await readFile(join(FIXTURES, 'RuntimeBasicCalls_SCORM12.zip')));
    const courses = join(dir, 'courses');
    await mkdir(join(courses, '.staging-0123456789abcdef', 'files'), { recursive: true });
    await mkdir(join(courses, '.deleting-0123456789abcdef', 'files'), { recursive: true });
    await writeFile(join(courses, '.deleting-0123456789abcdef', 'files', 'a.html'), 'x');
    await importer.sweep({ staging: false });
    expect((await readdir(courses)).sort()).toEqual(['.staging-0123456789abcdef', course.id].sort());
    await importer.sweep({ staging: true });
    expect(await readdir(courses)).toEqual([course.id]);
  });
});
