import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../ui/services-context';
import { listPackagesByTitle } from '../data/vr-package-queries';
import { AdbNotice } from '../headsets/adb-notice';
import { BulkActions } from '../headsets/bulk-actions';
import { CartReadiness } from '../headsets/cart-readiness';
import { headsetNames } from '../data/headset-names';
import { HeadsetCard } from '../headsets/headset-card';
import type { SessionAssignments } from '../headsets/install-plan';
import { useHeadsets } from '../headsets/use-headsets';
import { useOpenSessions } from '../headsets/use-open-sessions';
import { WifiConnectForm } from '../headsets/wifi-connect-form';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function HeadsetsPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const headsets = useHeadsets();
  const packages = useLiveQuery(() => listPackagesByTitle(db), [db]) ?? [];
  const names = useLiveQuery(() => headsetNames(db), [db]) ?? NO_NAMES;
  const [chosenId, setChosenId] = useState<string | null>(null);
  // Per package: a learner's session belongs to one package, so switching packages must not carry it over.
  const [assignments, setAssignments] = useState<Record<string, SessionAssignments>>({});
  const chosen = packages.find((p) => p.id === chosenId) ?? null;
  const sessions = useOpenSessions(chosen?.id ?? null);
  const current = (chosen && assignments[chosen.id]) || {};
  const taken = new Set(Object.values(current).filter((id): id is string => typeof id === 'string'));

  const assign = (serial: string, sessionId: string | null) => {
    if (!chosen) return;
    setAssignments((all) => ({ ...all, [chosen.id]: { ...all[chosen.id], [serial]: sessionId } }));
  };

  return (
    <section aria-labelledby="headsets-title">
      <h1 id="headsets-title">{t('headsets.title')}</h1>
      <AdbNotice />
      <CartReadiness headsets={headsets ?? []} chosen={chosen} names={names} />
      <BulkActions packages={packages} chosen={chosen} onChoose={setChosenId} headsets={headsets ?? []} assignments={current} names={names} />
      {headsets && headsets.length === 0 && <p className="hint">{t('headsets.empty')}</p>}
      {headsets && headsets.length > 0 && (
        <ul className="headsets">
          {headsets.map((headset) => (
            <li key={headset.serial}>
              <HeadsetCard
                headset={headset}
                name={names.get(headset.serial) ?? null}
                packages={packages}
                chosen={chosen}
                sessions={sessions}
                assigned={current[headset.serial] ?? null}
                taken={taken}
                onAssign={(sessionId) => assign(headset.serial, sessionId)}
              />
            </li>
          ))}
        </ul>
      )}
      <WifiConnectForm />
    </section>
  );
}
