import { z } from 'zod';
import { perseusWidgetSchema } from './perseus-widget';
import { placedWidgetIds } from './widget-placeholders';

export const MAX_CONTENT = 8_000;
export const MAX_WIDGETS = 8;
export const MAX_HINTS = 10;

const widgetId = z.string().regex(/^[a-z][a-z-]{0,40} \d{1,4}$/, 'A widget id is "<type> <number>", e.g. "radio 1"');

/**
 * Perseus's PerseusRenderer: markdown with [[☃ id]] places and the widgets they name. Every place must
 * name a widget of that type, once, and every widget must be placed: a widget nobody can see could never
 * be answered, and a place without a widget would show nothing.
 */
export const perseusRendererSchema = z
  .object({
    content: z.string().max(MAX_CONTENT),
    widgets: z.record(widgetId, perseusWidgetSchema).refine((w) => Object.keys(w).length <= MAX_WIDGETS, `At most ${MAX_WIDGETS} widgets`),
    images: z.record(z.string().max(512), z.unknown()).refine((i) => Object.keys(i).length === 0, 'Images are not played offline yet').default({}),
  })
  .loose()
  .superRefine((renderer, ctx) => {
    const placed = placedWidgetIds(renderer.content);
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['content'], message });
    if (new Set(placed).size !== placed.length) issue('A widget is placed twice');
    for (const id of placed) {
      const widget = renderer.widgets[id];
      if (!widget) issue(`[[☃ ${id}]] names no widget`);
      else if (!id.startsWith(`${widget.type} `)) issue(`Widget "${id}" is of type ${widget.type}`);
    }
    for (const id of Object.keys(renderer.widgets)) if (!placed.includes(id)) issue(`Widget "${id}" is never placed`);
  });
export type PerseusRenderer = z.infer<typeof perseusRendererSchema>;

/** A hint is markdown only here: widgets inside hints are not played. */
export const perseusHintSchema = z
  .object({ content: z.string().min(1).max(MAX_CONTENT), widgets: z.record(z.string(), z.unknown()).refine((w) => Object.keys(w).length === 0, 'Hints may not hold widgets').default({}), replace: z.boolean().optional() })
  .loose();
export type PerseusHint = z.infer<typeof perseusHintSchema>;

/** Perseus's PerseusItem: the question and its hints (answerArea tools are not offered). */
export const perseusItemSchema = z
  .object({ question: perseusRendererSchema, hints: z.array(perseusHintSchema).max(MAX_HINTS), answerArea: z.record(z.string(), z.unknown()).optional() })
  .loose()
  .refine((item) => Object.values(item.question.widgets).some((w) => w.graded !== false), { path: ['question', 'widgets'], message: 'An item needs a graded widget' });
export type PerseusItem = z.infer<typeof perseusItemSchema>;
