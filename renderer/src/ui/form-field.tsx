import { useId } from 'react';
import type { ReactNode } from 'react';

export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': true | undefined;
  readonly 'aria-describedby': string | undefined;
}

interface FormFieldProps {
  readonly label: string;
  readonly error?: string | null | undefined;
  /** Shown under the control and read with it, e.g. a live character counter. */
  readonly hint?: ReactNode;
  readonly hintClassName?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control whose hint and error are tied to it by aria-describedby instead of sitting inside
 * the <label>, so the control's accessible name stays just its label while an error comes and goes.
 */
export function FormField({ label, error, hint, hintClassName, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter((part) => part !== null).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {hint && (
        <small id={hintId ?? undefined} className={hintClassName}>
          {hint}
        </small>
      )}
      {error && (
        <small id={errorId ?? undefined} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
