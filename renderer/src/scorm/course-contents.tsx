import { useTranslation } from 'react-i18next';
import { playedOrganization } from '../../../shared/scorm/course-tree';
import type { CourseItem } from '../../../shared/scorm/course-manifest';
import type { ScormCourseRow } from '../db/schema-v7';

interface Props {
  readonly course: ScormCourseRow;
  readonly current: string | null;
  /** Items a choice may open now ("all": nothing restricts choice); the others are shown but cannot be pressed. */
  readonly choosable: ReadonlySet<string> | 'all';
  readonly onChoose: (id: string) => void;
}

/**
 * The organization's item tree; launchable items are buttons (choice navigation), clusters are headings.
 * An item sequencing does not allow to choose now (choice="false", forward only, disabled, hidden from
 * choice, attempt limit reached...) is a disabled button, with a description saying why it cannot be opened.
 */
export function CourseContents({ course, current, choosable, onChoose }: Props) {
  const { t } = useTranslation();
  const render = (items: readonly CourseItem[]) => (
    <ul>
      {items
        .filter((item) => item.visible || item.children.length > 0)
        .map((item) => {
          const open = choosable === 'all' || choosable.has(item.identifier);
          return (
            <li key={item.identifier}>
              {item.launch !== null && item.visible ? (
                <button
                  type="button"
                  aria-current={item.identifier === current ? 'step' : undefined}
                  disabled={!open}
                  title={open ? undefined : t('courses.sequencing.notChoosable')}
                  onClick={() => onChoose(item.identifier)}
                >
                  {item.title}
                </button>
              ) : (
                item.visible && <span>{item.title}</span>
              )}
              {item.children.length > 0 && render(item.children)}
            </li>
          );
        })}
    </ul>
  );
  return (
    <nav className="scorm-contents" aria-label={t('courses.player.contents')} data-testid="scorm-contents">
      {render(playedOrganization(course).items)}
    </nav>
  );
}
