import { withSessionTitles } from '../../../shared/lesson-plays/session-titles';
import type { Lesson } from '../../../shared/schemas/catalog';
import type { LessonPlay } from '../../../shared/schemas/lesson-play';
import type { LessonPlayRow } from '../db/lesson-play-row';

/**
 * A stored play as the API returns it: the lesson's configuration embedded as `lesson` when the catalog
 * has it, and each session titled from that configuration (the whole multilingual title, as the seed's
 * sample shows; a reader picks the play's locale from it).
 */
export function toApiLessonPlay(row: LessonPlayRow, lesson: Lesson | undefined): LessonPlay {
  return { ...row, sessions: withSessionTitles(row.sessions, lesson), ...(lesson ? { lesson } : {}) };
}
