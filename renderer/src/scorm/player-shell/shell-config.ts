import { z } from 'zod';

const configSchema = z.object({
  sessionId: z.string().min(1),
  packageId: z.string().min(1),
  appOrigins: z.array(z.string().min(1)).min(1),
});
export type ShellConfig = z.infer<typeof configSchema>;

/** A page's configuration as main writes it into a meta tag (no inline script under CSP), checked by `schema`; null if absent or wrong. */
export function readMetaJson<T extends z.ZodType>(doc: Document, name: string, schema: T): z.output<T> | null {
  const content = doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  if (!content) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** main writes the shell's configuration into a meta tag of the page it serves. */
export function readShellConfig(doc: Document): ShellConfig | null {
  return readMetaJson(doc, 'outpost-player', configSchema);
}
