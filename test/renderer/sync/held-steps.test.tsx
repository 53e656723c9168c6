import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UiLocale } from '../../../shared/i18n/locales';
import { markDownloaded, markLaunched } from '../../../renderer/src/data/vr-session-steps';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { heldStepCount } from '../../../renderer/src/sync/held-steps';
import { SyncEngine } from '../../../renderer/src/sync/sync-engine';
import { HeldStepsNotice } from '../../../renderer/src/sync-ui/held-steps-note';
import { startSyncHarness } from '../../support/sync-harness';
import type { SyncHarness } from '../../support/sync-harness';

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness({ learners: 1, packages: 1 });
});
afterEach(async () => {
  await h.stop();
});

/** A session with its two headset steps (downloaded, first launch), completed, and the sync that follows. */
async function sessionWithSteps(): Promise<void> {
  const token = await h.tokenFor(h.learners[0]!);
  const call = (path: string, body: unknown) => h.api(new Request(`http://outpost.local${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  const { session } = (await (await call('/api/vr-sessions', { package_id: h.packages[0] })).json()) as { session: { id: string } };
  const ports = { db: h.db, now: () => new Date(), newId: () => crypto.randomUUID() };
  await markDownloaded(ports, session.id, new Date('2026-03-02T09:05:00.000Z'));
  await markLaunched(ports, session.id, new Date('2026-03-02T09:10:00.000Z'));
  await call(`/api/vr-sessions/${session.id}/complete`, { score: 90 });
}

const engine = () => new SyncEngine({ db: h.db, remote: h.remote, now: () => new Date(), random: () => 0, concurrency: 4 });

async function render(count: number, locale: UiLocale): Promise<string> {
  const i18n = await createI18n(locale);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <HeldStepsNotice count={count} />
    </I18nextProvider>,
  );
}

describe('headset steps held for want of the PATCH extension, on the Sync page', () => {
  it('are counted while the remote lacks the extension, and not once it takes them', async () => {
    await sessionWithSteps();
    expect(await heldStepCount(h.db)).toBe(2);
    h.server!.faults.answerNext(5, { kind: 'status', status: 404 }, { method: 'PATCH' });
    const sync = engine();
    await sync.drain();
    await sync.drain();
    expect(sync.steps.support).toBe('unsupported');
    expect(await heldStepCount(h.db)).toBe(2);
    // What is held for another reason (a package the remote does not know) is not counted here.
    const [first] = await h.db.outbox.where('status').equals('held').filter((op) => op.kind === 'vr_session.step').toArray();
    await h.db.outbox.update(first!.seq!, { held_reason: 'local_package' });
    expect(await heldStepCount(h.db)).toBe(1);
    await h.db.outbox.update(first!.seq!, { held_reason: 'remote_extension_unsupported' });

    h.server!.faults.clear();
    const again = engine();
    await again.drain();
    await again.drain();
    expect(again.steps.support).toBe('supported');
    expect(await heldStepCount(h.db)).toBe(0);
  });

  it('says how many in words, in every language, and nothing when there are none', async () => {
    expect(await render(0, 'en')).toBe('');
    expect(await render(1, 'en')).toContain('1 headset step (downloaded, first launch) is kept on this computer.');
    const three = await render(3, 'en');
    expect(three).toContain('data-testid="held-steps"');
    expect(three).toContain('3 headset steps (downloaded, first launch) are kept on this computer.');
    expect(three).toContain('headset-step extension');
    expect(await render(3, 'zh-Hans')).toContain('有 3 个头显步骤');
    expect(await render(3, 'zh-Hant')).toContain('有 3 個頭戴裝置步驟');
  });
});
