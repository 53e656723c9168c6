import { useTranslation } from 'react-i18next';
import type { PerseusHint } from '../../../shared/exercises/perseus-item-schema';

/** The hints taken so far; a Perseus hint with `replace` hides the one before it. */
export function HintList({ hints }: { hints: readonly PerseusHint[] }) {
  const { t } = useTranslation();
  if (hints.length === 0) return null;
  const visible = hints.filter((_, index) => hints[index + 1]?.replace !== true);
  return (
    <ol className="hint-list" aria-label={t('exercises.hintsTitle')}>
      {visible.map((hint, index) => (
        <li key={index} className="perseus-content">
          {hint.content}
        </li>
      ))}
    </ol>
  );
}
