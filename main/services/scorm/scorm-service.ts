import { join } from 'node:path';
import { clampLaunchTtl } from '../../../shared/scorm/scorm-ipc-contract';
import type { SignLaunchRequest, SignLaunchResponse } from '../../../shared/scorm/scorm-ipc-contract';
import { IpcFailure } from '../../../shared/ipc/result';
import type { UploadTickets } from '../instructor/upload-tickets';
import { createCourseHost } from './course-host';
import { courseLabel } from './course-origin';
import type { CourseLabel } from './course-origin';
import { LaunchSigner } from './launch-token';
import { ScormImporter } from './scorm-importer';
import { createScormUploadHandler } from './scorm-upload-handler';
import { loadSigningKey } from './signing-key';

/** How the running host reaches course origins; set once it listens (serve) or registers its scheme (Electron). */
export interface CourseHostConfig {
  /** Base URL of a course origin from its host label, e.g. "scorm://<label>" or "http://<label>.localhost:5181". */
  readonly courseBase: (label: string) => string;
  readonly appOrigins: readonly string[];
  readonly rendererDir: string;
}

export interface ScormServiceOptions {
  readonly dataDir: string;
  readonly now: () => Date;
  readonly tickets: Pick<UploadTickets, 'redeem'>;
  readonly log: (message: string, error?: unknown) => void;
}

/** SCORM on the privileged side: imports, the course origins' content, and signing launch links. */
export class ScormService {
  readonly importer: ScormImporter;
  readonly signer: LaunchSigner;
  readonly upload: (request: Request) => Promise<Response>;
  readonly handleCourse: (request: Request, label: CourseLabel) => Promise<Response>;
  #host: CourseHostConfig | null = null;

  constructor(options: ScormServiceOptions) {
    this.importer = new ScormImporter(join(options.dataDir, 'scorm'));
    this.signer = new LaunchSigner(loadSigningKey(join(options.dataDir, 'scorm-launch.key')), options.now);
    this.upload = createScormUploadHandler(this.importer, options.tickets, options.log);
    // What an import or a removal cut short by a crash left behind; nothing is importing yet.
    this.importer.sweep({ staging: true }).catch((error: unknown) => options.log('Could not clear unfinished SCORM imports', error));
    this.handleCourse = createCourseHost({
      signer: this.signer,
      filesDir: async (id) => ((await this.importer.exists(id)) ? this.importer.filesDir(id) : null),
      rendererDir: () => this.#host?.rendererDir ?? null,
      appOrigins: () => this.#host?.appOrigins ?? [],
    });
  }

  /** Removes a course's files from this kiosk (instructor; the renderer has already removed its record). */
  async deleteCourse(id: string): Promise<{ deleted: boolean }> {
    return { deleted: await this.importer.remove(id) };
  }

  configureHost(config: CourseHostConfig): void {
    this.#host = config;
  }

  async signLaunch(request: SignLaunchRequest): Promise<SignLaunchResponse> {
    if (!this.#host) throw new IpcFailure('UNAVAILABLE', 'Courses cannot be played until the host is ready');
    if (!(await this.importer.exists(request.package_id))) throw new IpcFailure('NOT_FOUND', 'Package not found on this kiosk');
    const ttl = clampLaunchTtl(request.ttl_seconds);
    const learnerKey = this.signer.learnerKey(request.learner_id);
    const token = this.signer.sign({ sid: request.session_id, pkg: request.package_id, uk: learnerKey }, ttl);
    const base = this.#host.courseBase(courseLabel({ packageId: request.package_id, learnerKey }));
    return { launch_url: `${base}/player/${request.session_id}?token=${token}`, origin: base, expires_in_seconds: ttl };
  }
}
