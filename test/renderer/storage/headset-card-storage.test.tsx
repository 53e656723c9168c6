import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Headset } from '../../../shared/headsets/headset';
import { GIB } from '../../../shared/storage/disk-space';
import { InstructorProvider } from '../../../renderer/src/auth/instructor-context';
import { HeadsetCard } from '../../../renderer/src/headsets/headset-card';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { ServicesProvider } from '../../../renderer/src/ui/services-context';
import type { AppServices } from '../../../renderer/src/ui/services-context';
import { openTestDb } from '../../support/fake-db';
import { fakeMain } from './fake-main';

const dbs: { close(): void }[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

const headset = (free: number | null, total: number | null): Headset => ({
  serial: '1WMHH000000001',
  state: 'device',
  model: 'Quest 3',
  battery_level: 80,
  free_bytes: free,
  total_bytes: total,
  installed: [],
  label: null,
  last_seen_at: '2026-03-02T09:00:00.000Z',
});

/** The Headsets page's card as rendered for one headset (no package chosen, no job yet). */
async function render(h: Headset): Promise<string> {
  const i18n = await createI18n('en');
  const db = openTestDb('headset-card');
  dbs.push(db);
  const { ipc } = fakeMain(async () => ({ ok: true, value: null }));
  // The card reads only the database (its latest job) and the instructor's guard from the services.
  const services = { ipc, db, ports: { db, now: () => new Date(), newId: () => 'id' } } as unknown as AppServices;
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ServicesProvider services={services}>
        <InstructorProvider ipc={ipc}>
          <HeadsetCard headset={h} packages={[]} chosen={null} sessions={[]} assigned={null} taken={new Set()} onAssign={() => undefined} />
        </InstructorProvider>
      </ServicesProvider>
    </I18nextProvider>,
  );
}

function warning(html: string): string | null {
  return /data-testid="headset-storage-low">([^<]*)</.exec(html)?.[1] ?? null;
}

describe('HeadsetCard: a nearly full headset', () => {
  it('shows no storage warning with room to spare', async () => {
    expect(warning(await render(headset(60 * GIB, 128 * GIB)))).toBeNull();
    expect(warning(await render(headset(null, null)))).toBeNull();
  });

  it('warns when the headset is getting full (under 4 GiB or 10 % free)', async () => {
    expect(warning(await render(headset(3 * GIB, 128 * GIB)))).toBe('Storage is getting full (3.2 GB free).');
    expect(warning(await render(headset(10 * GIB, 128 * GIB)))).toBe('Storage is getting full (10.7 GB free).');
  });

  it('says installs will be refused when it is almost full (under 2 GiB), also when the total is unknown', async () => {
    expect(warning(await render(headset(1.5 * GIB, 128 * GIB)))).toBe('Storage is almost full (1.6 GB free): installs will be refused.');
    expect(warning(await render(headset(1 * GIB, null)))).toBe('Storage is almost full (1.1 GB free): installs will be refused.');
  });
});
