import { titleIn } from '../../../shared/lesson-plays/session-titles';
import { inLocale } from '../../../shared/exercises/exercise-schema';
import type { GridActivity } from '../../../shared/progress/build-grid';
import { findSample } from '../exercises/sample-exercises';

/** An activity's name in the UI language: its own title, a bundled exercise's, or failing all, its id. */
export function activityTitle(activity: GridActivity, locale: string): string {
  if (typeof activity.title === 'string') return activity.title;
  if (activity.title !== null) return titleIn(activity.title, locale) ?? activity.id;
  if (activity.kind === 'exercise') {
    const sample = findSample(activity.id);
    if (sample) return inLocale(sample.title, locale);
  }
  return activity.id;
}
