import type { z } from 'zod';

export type BodyParse<T> = { ok: true; value: T } | { ok: false; notJson: boolean; issues: z.core.$ZodIssue[] };

/**
 * Parses a request body already read as text. Blank counts as `{}`: several seed endpoints (VR complete,
 * PATCH) take bodies whose fields are all optional, and curl examples send none.
 */
export function parseBody<T extends z.ZodType>(text: string, schema: T): BodyParse<z.output<T>> {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, notJson: true, issues: [] };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, notJson: false, issues: parsed.error.issues };
}

/** Query strings as a plain object; a repeated parameter keeps its first value, as the seeds show none repeated. */
export function queryObject(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value;
  return query;
}
