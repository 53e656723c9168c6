import type { ScormCourse } from '../../shared/scorm/course-manifest';
import type { SignLaunchRequest } from '../../shared/scorm/scorm-ipc-contract';
import type { ScormCourseRow } from '../../renderer/src/db/schema-v7';
import { createApiFixture, TENANT } from './local-api-fixture';
import type { ApiFixture } from './local-api-fixture';

export const COURSE_12 = 'pkg-0123456789abcdef01234567';
export const COURSE_MULTI = 'pkg-89abcdef0123456789abcdef';
export const OTHER_TENANT = '9e9e9e9e-1d2a-4c8b-9e6f-3a2b1c0d9e8f';

const item = (identifier: string, launch: string) => ({ identifier, title: identifier, launch, scorm_type: 'sco' as const, visible: true, children: [] });

export function testCourse(id: string, version: ScormCourse['version'], items: string[]): ScormCourse {
  return {
    id,
    manifest_identifier: `m-${id}`,
    title: `Course ${id.slice(-4)}`,
    version,
    ...(version === '2004' ? { edition: '3rd' as const } : {}),
    default_organization: 'org',
    organizations: [{ identifier: 'org', title: 'Org', items: items.map((i) => item(i, `${i}.html`)) }],
    sco_count: items.length,
    file_count: items.length + 1,
    size_bytes: 1000,
    zip_bytes: 500,
  };
}

export interface ScormApiFixture extends ApiFixture {
  readonly signed: SignLaunchRequest[];
}

/** The local API with three courses (1.2, 2004 multi-SCO, another tenant's) and a fake main signer. */
export async function createScormApiFixture(): Promise<ScormApiFixture> {
  const signed: SignLaunchRequest[] = [];
  const fixture = await createApiFixture({
    scorm: {
      async signLaunch(request) {
        signed.push(request);
        const origin = `http://${request.package_id}-u0000000000000001.localhost:5181`;
        return { launch_url: `${origin}/player/${request.session_id}?token=signed-${signed.length}`, origin, expires_in_seconds: request.ttl_seconds ?? 14_400 };
      },
    },
  });
  const at = fixture.clock.now.toISOString();
  const rows: ScormCourseRow[] = [
    { ...testCourse(COURSE_12, '1.2', ['only']), tenant_id: null, imported_at: at },
    { ...testCourse(COURSE_MULTI, '2004', ['a', 'b']), tenant_id: TENANT, imported_at: at },
    { ...testCourse('pkg-ffffffffffffffffffffffff', '1.2', ['x']), tenant_id: OTHER_TENANT, imported_at: at },
  ];
  await fixture.db.scormCourses.bulkAdd(rows);
  return { ...fixture, signed };
}
