import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../ui/services-context';
import { localPackageIds } from '../data/vr-package-queries';

const NONE: ReadonlySet<string> = new Set();

/** Packages the remote does not know (yet): their sessions are labelled as kept on this kiosk. */
export function useLocalPackageIds(): ReadonlySet<string> {
  const { db } = useServices();
  return useLiveQuery(() => localPackageIds(db), [db]) ?? NONE;
}
