import { z } from 'zod';

const configSchema = z.object({
  sessionId: z.string().min(1),
  packageId: z.string().min(1),
  appOrigins: z.array(z.string().min(1)).min(1),
});
export type ShellConfig = z.infer<typeof configSchema>;

/** main writes the shell's configuration into a meta tag of the page it serves (no inline script under CSP). */
export function readShellConfig(doc: Document): ShellConfig | null {
  const content = doc.querySelector('meta[name="outpost-player"]')?.getAttribute('content');
  if (!content) return null;
  try {
    const parsed = configSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
