import type { DataPorts } from './data-ports';

/** What a form may keep as a draft: a few short fields, never files. */
const MAX_DRAFT_FIELDS = 20;
const MAX_DRAFT_FIELD_LENGTH = 10_000;

/**
 * Saves what a learner typed in an open form, keyed by learner and form, so a sign-out (idle or by hand)
 * or a reload never loses it silently. Only the same learner ever gets it back.
 */
export async function saveDraft(ports: Pick<DataPorts, 'db' | 'now'>, userId: string, formKey: string, values: Record<string, string>): Promise<void> {
  const entries = Object.entries(values).slice(0, MAX_DRAFT_FIELDS).map(([k, v]) => [k, v.slice(0, MAX_DRAFT_FIELD_LENGTH)] as const);
  if (entries.every(([, v]) => v.trim() === '')) {
    await clearDraft(ports, userId, formKey);
    return;
  }
  await ports.db.drafts.put({ user_id: userId, form_key: formKey, values: Object.fromEntries(entries), saved_at: ports.now().toISOString() });
}

export async function loadDraft(ports: Pick<DataPorts, 'db'>, userId: string, formKey: string): Promise<Record<string, string> | null> {
  const row = await ports.db.drafts.get([userId, formKey]);
  return row ? { ...row.values } : null;
}

export async function clearDraft(ports: Pick<DataPorts, 'db'>, userId: string, formKey: string): Promise<void> {
  await ports.db.drafts.delete([userId, formKey]);
}
