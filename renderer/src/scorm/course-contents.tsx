import { useTranslation } from 'react-i18next';
import { playedOrganization } from '../../../shared/scorm/course-tree';
import type { CourseItem } from '../../../shared/scorm/course-manifest';
import type { ScormCourseRow } from '../db/schema-v7';

/** The organization's item tree; launchable items are buttons (choice navigation), clusters are headings. */
export function CourseContents({ course, current, onChoose }: { course: ScormCourseRow; current: string | null; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const render = (items: readonly CourseItem[]) => (
    <ul>
      {items
        .filter((item) => item.visible || item.children.length > 0)
        .map((item) => (
          <li key={item.identifier}>
            {item.launch !== null && item.visible ? (
              <button type="button" aria-current={item.identifier === current ? 'step' : undefined} onClick={() => onChoose(item.identifier)}>
                {item.title}
              </button>
            ) : (
              item.visible && <span>{item.title}</span>
            )}
            {item.children.length > 0 && render(item.children)}
          </li>
        ))}
    </ul>
  );
  return (
    <nav className="scorm-contents" aria-label={t('courses.player.contents')} data-testid="scorm-contents">
      {render(playedOrganization(course).items)}
    </nav>
  );
}
