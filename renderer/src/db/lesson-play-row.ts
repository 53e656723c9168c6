import type { LessonPlay } from '../../../shared/schemas/lesson-play';

/** `lesson` is populated from the lesson catalog when a play is read, as the remote API does. */
export type LessonPlayRow = Omit<LessonPlay, 'lesson'>;
