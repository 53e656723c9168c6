import { useCallback, useState } from 'react';

const KEY = 'outpost.console.class';

function stored(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/**
 * The class the kiosk shows, kept across reloads on this kiosk (it is a choice of view, not a record: it
 * never syncs). A class that was since deleted simply matches nothing and the page offers the list again.
 */
export function useCurrentClass(): [string | null, (id: string | null) => void] {
  const [classId, setClassId] = useState<string | null>(stored);
  const choose = useCallback((id: string | null) => {
    try {
      if (id === null) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, id);
    } catch {
      // Storage denied: the choice lasts for this page only.
    }
    setClassId(id);
  }, []);
  return [classId, choose];
}
