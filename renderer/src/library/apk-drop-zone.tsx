import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../ui/form-field';

/** Files dragged from the desktop, or picked with the button for whoever cannot drag (keyboard, touch). */
export function ApkDropZone({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  function accept(event: DragEvent) {
    // Without this the browser opens the dropped file in place of the app.
    event.preventDefault();
    event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    setOver(!disabled);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length > 0) onFiles([...event.dataTransfer.files]);
  }

  return (
    <div className={over ? 'drop-zone over' : 'drop-zone'} data-testid="apk-drop-zone" onDragOver={accept} onDragEnter={accept} onDragLeave={() => setOver(false)} onDrop={drop}>
      <p>{t('library.import.drop')}</p>
      <FormField label={t('library.import.choose')}>
        {(control) => (
          <input
            {...control}
            type="file"
            name="apk-files"
            multiple
            accept=".apk,.obb"
            disabled={disabled}
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              // Cleared so picking the same file again (after a fix) fires another change.
              event.currentTarget.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
        )}
      </FormField>
    </div>
  );
}
