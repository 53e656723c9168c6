import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { scormCourseSchema } from '../../../shared/scorm/course-manifest';
import type { ScormCourse } from '../../../shared/scorm/course-manifest';
import { COURSE_ID_PATTERN } from '../../../shared/scorm/scorm-ipc-contract';
import { collisionKey } from './entry-name-policy';
import { ScormImportError } from './import-error';
import { DEFAULT_IMPORT_LIMITS } from './import-limits';
import type { ImportLimits } from './import-limits';
import { manifestPath, manifestPrefix } from './manifest-root';
import { parseManifest } from './manifest-parser';
import { spoolUpload } from './spool-upload';
import { extractEntries } from './zip-extract';
import { openZip, planEntries } from './zip-entries';

export const COURSE_RECORD = 'course.json';
export const FILES_DIR = 'files';

/**
 * Imports a SCORM zip into `<coursesDir>/<id>/` (files/ plus course.json). Everything happens in a staging
 * folder renamed into place at the end, so a refused or interrupted import leaves nothing half there. The
 * id comes from the zip's SHA-256: importing the same file twice gives the same course.
 */
export class ScormImporter {
  constructor(
    private readonly coursesDir: string,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  async import(input: Readable): Promise<ScormCourse> {
    await mkdir(this.coursesDir, { recursive: true });
    const stage = join(this.coursesDir, `.staging-${randomBytes(8).toString('hex')}`);
    await mkdir(stage);
    try {
      const zipFile = join(stage, 'upload.zip');
      const spooled = await spoolUpload(input, zipFile, this.limits.maxZipBytes);
      const id = `pkg-${spooled.sha256.slice(0, 24)}`;
      const existing = await this.read(id);
      if (existing) return existing;
      const course = await this.#unpack(zipFile, join(stage, FILES_DIR), id, spooled.bytes);
      await writeFile(join(stage, COURSE_RECORD), JSON.stringify(course));
      await rm(zipFile);
      try {
        await rename(stage, join(this.coursesDir, id));
      } catch (error) {
        // The same zip imported twice at once: the other one won, and is identical.
        const raced = await this.read(id);
        if (!raced) throw error;
        return raced;
      }
      return course;
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  }

  async #unpack(zipFile: string, filesDir: string, id: string, zipBytes: number): Promise<ScormCourse> {
    const zip = await openZip(zipFile);
    try {
      const entries = await planEntries(zip, this.limits);
      if (entries.length === 0) throw new ScormImportError('EMPTY', 'The zip holds no files');
      const prefix = manifestPrefix(entries);
      const manifestEntry = entries.find((e) => e.path === manifestPath(entries, prefix));
      if (manifestEntry && manifestEntry.entry.uncompressedSize > this.limits.maxManifestBytes) throw new ScormImportError('TOO_LARGE', `imsmanifest.xml is larger than ${this.limits.maxManifestBytes} bytes`);
      const targets = entries.filter((e) => !e.directory && e.path.startsWith(prefix)).map((e) => ({ entry: e.entry, relative: e.path.slice(prefix.length) }));
      await mkdir(filesDir, { recursive: true });
      const size = await extractEntries(zip, targets, filesDir, this.limits);
      const relativeManifest = manifestPath(entries, prefix).slice(prefix.length);
      const manifestText = await readFile(join(filesDir, relativeManifest), 'utf8');
      const manifest = parseManifest(manifestText.replace(/^\uFEFF/, ''), this.limits);
      const stored = new Map(targets.map((t) => [collisionKey(t.relative), t.relative]));
      for (const path of manifest.launchPaths) {
        if (!stored.has(collisionKey(path))) throw new ScormImportError('MALFORMED_MANIFEST', `The course launches "${path.slice(0, 200)}", which is not in the zip`);
      }
      return scormCourseSchema.parse({
        id,
        manifest_identifier: manifest.identifier,
        title: manifest.title,
        version: manifest.version,
        ...(manifest.edition ? { edition: manifest.edition } : {}),
        ...(manifest.courseVersion ? { course_version: manifest.courseVersion } : {}),
        default_organization: manifest.defaultOrganization,
        organizations: manifest.organizations,
        sco_count: manifest.scoCount,
        file_count: targets.length,
        size_bytes: size,
        zip_bytes: zipBytes,
      });
    } finally {
      zip.close();
    }
  }

  /** A course already imported, or null. */
  async read(id: string): Promise<ScormCourse | null> {
    if (!COURSE_ID_PATTERN.test(id)) return null;
    const file = join(this.coursesDir, id, COURSE_RECORD);
    if (!existsSync(file)) return null;
    return scormCourseSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  }

  filesDir(id: string): string | null {
    return COURSE_ID_PATTERN.test(id) ? join(this.coursesDir, id, FILES_DIR) : null;
  }

  /**
   * Removes an imported course. The folder is first renamed out of the way (one atomic step: from then on
   * the course is gone for the player and for a new import of the same zip), then deleted; a deletion that
   * fails midway leaves only a `.deleting-` folder, which the next removal or start sweeps. False when there
   * was no such course.
   */
  async remove(id: string): Promise<boolean> {
    if (!COURSE_ID_PATTERN.test(id)) return false;
    const doomed = join(this.coursesDir, `.deleting-${randomBytes(8).toString('hex')}`);
    try {
      await rename(join(this.coursesDir, id), doomed);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    await this.sweep({ staging: false });
    return true;
  }

  /**
   * Deletes what interrupted removals left behind (`.deleting-` folders) and, at start only (`staging`: no
   * import can be running yet), what interrupted imports left (`.staging-` folders).
   */
  async sweep({ staging }: { staging: boolean }): Promise<void> {
    const names = await readdir(this.coursesDir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith('.deleting-') || (staging && name.startsWith('.staging-'))) await rm(join(this.coursesDir, name), { recursive: true, force: true });
    }
  }

  async exists(id: string): Promise<boolean> {
    const dir = this.filesDir(id);
    return dir !== null && (await stat(dir).then((s) => s.isDirectory(), () => false));
  }
}
