import type { DataPorts } from './data-ports';

/**
 * This kiosk's own id for offline transfer: made the first time it is asked for and kept in the database
 * (a kiosk whose database is wiped is a new kiosk as far as files go). It names the source of an export and
 * lets an import refuse a file back into the kiosk that wrote it.
 */
export async function kioskId(ports: DataPorts): Promise<string> {
  const { db } = ports;
  return db.transaction('rw', db.kioskIdentity, async () => {
    const found = await db.kioskIdentity.get('kioskId');
    if (found) return found.value;
    const value = ports.newId();
    await db.kioskIdentity.put({ key: 'kioskId', value });
    return value;
  });
}
