import { findSample } from '../exercises/sample-exercises';

/** 1-based position of a question in a bundled exercise, or null when the exercise or item is unknown here. */
export function questionNumber(contentId: string, item: string): number | null {
  const file = findSample(contentId);
  if (!file) return null;
  const ids = file.kind === 'exercise' ? file.assessmentmetadata.assessment_item_ids : file.assessment_item_ids;
  const index = ids.indexOf(item);
  return index < 0 ? null : index + 1;
}
