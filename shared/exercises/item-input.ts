import { z } from 'zod';
import { MAX_CHOICES } from './perseus-widget-schemas';
import type { ItemInput } from './score-item';

/** A stored answer read back (a resumed quiz, past tries): bounded, and anything else is dropped. */
export const itemInputSchema = z.record(
  z.string().max(64),
  z.union([z.object({ selectedChoiceIds: z.array(z.string().max(64)).max(MAX_CHOICES) }), z.object({ currentValue: z.string().max(200) })]),
);

export function readItemInput(stored: unknown): ItemInput {
  const parsed = itemInputSchema.safeParse(stored);
  return parsed.success ? parsed.data : {};
}
