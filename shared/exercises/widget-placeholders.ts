/** Perseus marks a widget's place in the markdown as [[☃ widget-id]], the id being "<type> <n>". */
const PLACEHOLDER = /\[\[\u2603 ([a-z][a-z-]{0,40} \d{1,4})\]\]/g;

export type ContentSegment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'widget'; readonly id: string };

/** The content as text runs and widget places, in order. */
export function contentSegments(content: string): ContentSegment[] {
  const segments: ContentSegment[] = [];
  let last = 0;
  for (const match of content.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: 'text', text: content.slice(last, match.index) });
    segments.push({ kind: 'widget', id: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < content.length) segments.push({ kind: 'text', text: content.slice(last) });
  return segments;
}

/** The widget ids the content places, in order (duplicates kept so a schema can refuse them). */
export function placedWidgetIds(content: string): string[] {
  return contentSegments(content).flatMap((s) => (s.kind === 'widget' ? [s.id] : []));
}
