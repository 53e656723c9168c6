import { z } from 'zod';
import { inputNumberOptionsSchema, numericInputOptionsSchema, outpostTextOptionsSchema, radioOptionsSchema } from './perseus-widget-schemas';

/** Perseus's WidgetOptions envelope; `graded` defaults to true as in Perseus. */
const envelope = { graded: z.boolean().optional(), static: z.boolean().optional(), alignment: z.string().max(16).optional() };

export const perseusWidgetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('radio'), options: radioOptionsSchema, ...envelope }).loose(),
  z.object({ type: z.literal('numeric-input'), options: numericInputOptionsSchema, ...envelope }).loose(),
  z.object({ type: z.literal('input-number'), options: inputNumberOptionsSchema, ...envelope }).loose(),
  z.object({ type: z.literal('outpost-text'), options: outpostTextOptionsSchema, ...envelope }).loose(),
]);
export type PerseusWidget = z.infer<typeof perseusWidgetSchema>;
export type PerseusWidgetType = PerseusWidget['type'];
