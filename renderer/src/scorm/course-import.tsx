import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';
import { ProgressBar } from '../ui/progress-bar';
import { useServices } from '../ui/services-context';
import { useInstructor } from '../auth/instructor-context';
import { recordImportedCourse } from '../data/scorm-courses';
import { uploadCourse } from './course-upload';

type State = { kind: 'idle' } | { kind: 'uploading'; name: string; sent: number; total: number } | { kind: 'done'; title: string } | { kind: 'failed'; name: string; code: string; message: string };

/** Instructor: a SCORM zip by drag and drop or the file picker, streamed to main with byte progress. */
export function CourseImport() {
  const { t } = useTranslation();
  const { ipc, ports } = useServices();
  const { guard } = useInstructor();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const busy = state.kind === 'uploading';

  async function importFile(file: File) {
    setState({ kind: 'uploading', name: file.name, sent: 0, total: file.size });
    const reply = await uploadCourse(ipc, file, (sent) => setState({ kind: 'uploading', name: file.name, sent, total: file.size }));
    if (!reply.ok) return setState({ kind: 'failed', name: file.name, code: reply.code, message: reply.message });
    try {
      await recordImportedCourse(ports, guard, reply.course);
      setState({ kind: 'done', title: reply.course.title });
    } catch (error) {
      setState({ kind: 'failed', name: file.name, code: 'INSTRUCTOR_REQUIRED', message: error instanceof Error ? error.message : '' });
    }
  }

  function accept(event: DragEvent) {
    event.preventDefault();
    setOver(!busy);
  }
  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (!busy && file) void importFile(file);
  }

  return (
    <div className={over ? 'drop-zone over' : 'drop-zone'} data-testid="course-drop-zone" onDragOver={accept} onDragEnter={accept} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p>{t('courses.import.drop')}</p>
      <FormField label={t('courses.import.choose')}>
        {(control) => (
          <input
            {...control}
            type="file"
            name="course-file"
            accept=".zip,application/zip"
            disabled={busy}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        )}
      </FormField>
      {state.kind === 'uploading' && (
        <ProgressBar label={t('courses.import.progress', { name: state.name })} value={state.sent} max={state.total} text={t('courses.import.bytes', { sent: state.sent, total: state.total })} />
      )}
      {state.kind === 'done' && <p role="status">{t('courses.import.done', { title: state.title })}</p>}
      {state.kind === 'failed' && (
        <p role="alert" data-testid="course-import-error" data-code={state.code}>
          {t('courses.import.failed', { name: state.name, code: state.code })} {state.message}
        </p>
      )}
    </div>
  );
}
