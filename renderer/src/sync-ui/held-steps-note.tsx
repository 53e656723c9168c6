import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { heldStepCount } from '../sync/held-steps';
import { useServices } from '../ui/services-context';

/** The words for `count` held headset steps; nothing when there are none. */
export function HeldStepsNotice({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <p className="hint" data-testid="held-steps">
      {t('sync.heldSteps.count', { count })} {t('sync.heldSteps.why')}
    </p>
  );
}

/** How many headset steps stay on this kiosk because the API lacks Outpost's extension, live. */
export function HeldStepsNote() {
  const { db } = useServices();
  const count = useLiveQuery(() => heldStepCount(db), [db]) ?? 0;
  return <HeldStepsNotice count={count} />;
}
