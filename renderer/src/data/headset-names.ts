import type { OutpostDb } from '../db/outpost-db';
import { collator } from '../i18n/formatters';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';

/** A headset's name is what is painted on its strap: short enough for a card's heading. */
export const MAX_HEADSET_NAME = 40;

/** Every name the instructor gave, by serial. */
export async function headsetNames(db: OutpostDb): Promise<Map<string, string>> {
  return new Map((await db.headsetNames.toArray()).map((row) => [row.serial, row.name]));
}

export type NameOutcome = 'named' | 'cleared' | 'tooLong' | 'taken';

/**
 * Names a headset (a blank name clears it). Two headsets never share a name, accents and case aside, so
 * "Cart 7" on a list always means one headset.
 */
export async function nameHeadset(ports: DataPorts, guard: InstructorGuard, serial: string, name: string): Promise<NameOutcome> {
  await guard.require();
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if ([...trimmed].length > MAX_HEADSET_NAME) return 'tooLong';
  const { db } = ports;
  return db.transaction('rw', db.headsetNames, async () => {
    if (trimmed === '') {
      await db.headsetNames.delete(serial);
      return 'cleared';
    }
    const others = (await db.headsetNames.toArray()).filter((row) => row.serial !== serial);
    if (others.some((row) => collator(undefined, { sensitivity: 'base' }).compare(row.name, trimmed) === 0)) return 'taken';
    await db.headsetNames.put({ serial, name: trimmed, updated_at: ports.now().toISOString() });
    return 'named';
  });
}
