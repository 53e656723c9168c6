import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly title: string;
  readonly onClose: () => void;
  /** Where focus goes back when the dialog closes: the button that opened it. */
  readonly returnFocus: HTMLElement | null;
  readonly children: ReactNode;
}

/**
 * A modal dialog on the platform's <dialog>: the page behind is inert, Escape closes it (the browser's own
 * cancel), focus starts on the heading and returns to the trigger when it closes, however it closes.
 */
export function ModalDialog({ title, onClose, returnFocus, children }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    headingRef.current?.focus();
    return () => {
      if (returnFocus?.isConnected) returnFocus.focus();
    };
  }, [returnFocus]);
  return (
    <dialog ref={ref} className="modal" aria-labelledby={headingId} onClose={onClose}>
      <div className="modal-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('dialog.close')}
        </button>
      </div>
      {children}
    </dialog>
  );
}
