/**
 * Who may call a channel. The dispatcher checks this before the handler runs, so the UI hiding a page
 * is never the only guard. A rule can open a channel to everyone for some requests only (a learner may
 * switch the language, not the API address).
 */
export type Access = 'public' | 'instructor' | { readonly instructorUnless: (request: unknown) => boolean; readonly why: string };

export function needsInstructor(access: Access, request: unknown): boolean {
  if (access === 'public') return false;
  if (access === 'instructor') return true;
  return !access.instructorUnless(request);
}

/** A settings patch that only names the UI language. */
export function isLocaleOnlyPatch(request: unknown): boolean {
  if (typeof request !== 'object' || request === null) return false;
  const keys = Object.keys(request);
  return keys.length === 1 && keys[0] === 'locale';
}
