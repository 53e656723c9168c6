import { useTranslation } from 'react-i18next';
import { useNow } from '../ui/use-now';
import { formatDateTime } from '../i18n/format';
import { formatRelativeTime } from '../i18n/format-relative-time';

/** "5 minutes ago" (kept current) and the full date for a tooltip, in the UI language; null for null. */
export function useRelativeTime(iso: string | null): { relative: string; absolute: string } | null {
  const { i18n } = useTranslation();
  const now = useNow(30_000);
  if (!iso) return null;
  return { relative: formatRelativeTime(iso, now, i18n.language), absolute: formatDateTime(iso, i18n.language) };
}
