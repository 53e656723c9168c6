import { scormLaunchResponseSchema } from '../../../shared/schemas/scorm-launch';
import type { ScormLaunchResponse } from '../../../shared/schemas/scorm-launch';
import type { LocalApi } from '../local-server/local-api';

export type LaunchAnswer = { ok: true; value: ScormLaunchResponse } | { ok: false; status: number; code: string };

/** The SCORM launch endpoint of the local API, called as the signed-in learner (a real Request, in-process). */
export async function launchCourse(api: LocalApi, token: string, packageId: string, userId: string, sessionId: string): Promise<LaunchAnswer> {
  const response = await api(
    new Request(`http://outpost.local/api/v1/packages/${encodeURIComponent(packageId)}/launch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: userId, session_id: sessionId }),
    }),
  );
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, status: response.status, code: (body as { code?: string } | null)?.code ?? 'UNKNOWN' };
  const parsed = scormLaunchResponseSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, status: 502, code: 'BAD_RESPONSE' };
}
