import { multilingualTitleSchema } from '../schemas/common';
import type { MultilingualTitle } from '../schemas/common';
import type { LessonConfig } from '../schemas/lesson-config';
import type { LessonPlaySession } from '../schemas/lesson-play-session';

/** The title the lesson configuration gives session `index` (its `sessions[index].title`), if any. */
export function lessonSessionTitle(lesson: LessonConfig | undefined, index: number): MultilingualTitle | undefined {
  const sessions: unknown = lesson?.sessions;
  if (!Array.isArray(sessions)) return undefined;
  const parsed = multilingualTitleSchema.safeParse((sessions[index] as { title?: unknown } | undefined)?.title);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

/** Session titles are always the lesson configuration's (as the API populates them); a session keeps its own only when the lesson has none. */
export function withSessionTitles(sessions: readonly LessonPlaySession[], lesson: LessonConfig | undefined): LessonPlaySession[] {
  return sessions.map((session) => {
    const title = lessonSessionTitle(lesson, session.index) ?? session.title;
    return title ? { ...session, title } : session;
  });
}

/** The text of a multilingual title in a locale: that locale, then English, then any. */
export function titleIn(title: MultilingualTitle | undefined, locale: string): string | undefined {
  if (!title) return undefined;
  const own = (title as Record<string, string | undefined>)[locale];
  return own || title.en || title['zh-Hant'] || title['zh-Hans'] || undefined;
}
