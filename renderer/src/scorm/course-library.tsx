import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { listScormCourses } from '../data/scorm-courses';
import { CourseImport } from './course-import';
import { scormLabel } from './course-labels';
import { CourseDelete } from './course-delete';
import { CourseHandOff } from './course-handoff';

/** The library's SCORM section (instructor): import, and every course with version, SCO count and size. */
export function CourseLibrary() {
  const { t } = useTranslation();
  const { db } = useServices();
  const courses = useLiveQuery(() => listScormCourses(db), [db]);
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <section aria-labelledby="course-library-title">
      <h2 id="course-library-title">{t('courses.library.title')}</h2>
      <CourseImport />
      {deleted !== null && <p role="status">{t('courses.delete.done', { title: deleted })}</p>}
      {courses && courses.length === 0 && <p>{t('courses.library.empty')}</p>}
      {courses && courses.length > 0 && (
        <table className="table" data-testid="course-table">
          <thead>
            <tr>
              <th>{t('courses.library.name')}</th>
              <th>{t('courses.library.version')}</th>
              <th>{t('courses.library.scos')}</th>
              <th>{t('courses.library.size')}</th>
              <th>{t('courses.library.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.id}>
                <td>{course.title}</td>
                <td>{scormLabel(course)}</td>
                <td>{course.sco_count}</td>
                <td>{t('courses.library.megabytes', { size: (course.size_bytes / 1024 / 1024).toFixed(1) })}</td>
                <td>
                  <CourseDelete course={course} onDeleted={setDeleted} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {courses && courses.length > 0 && <CourseHandOff courses={courses} />}
    </section>
  );
}
