import { useId } from 'react';
import type { ReactNode } from 'react';

/** A label above its control, tied by id (the console's own, so it does not reach into the shell folder). */
export function Labelled({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
