import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../bridge/socket-bridge';

export interface ConnectionSource {
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Only the browser host has a connection that can drop; inside Electron IPC is always there. */
export function ConnectionBadge({ source }: { source: ConnectionSource }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ConnectionState>('connecting');
  useEffect(() => source.onState(setState), [source]);
  return (
    <span className={`badge badge-${state}`} role="status" data-state={state}>
      {t(`app.connection.${state}`)}
    </span>
  );
}
