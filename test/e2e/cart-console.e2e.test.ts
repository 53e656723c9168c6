import { describe, expect, it } from 'vitest';
import { useCartApp } from '../support/e2e-cart-app';
import { axeScreen } from '../support/axe-screen';
import { navLink, readStore } from '../support/page-helpers';

const app = useCartApp({
  headsets: [{ model: 'Quest 3', battery: { level: 80 } }, { model: 'Quest 3', battery: { level: 5 } }],
  apk: { packageName: 'org.example.fire', versionCode: 3, versionName: '1.0.3', label: 'Fire Drill', minSdk: 29, launchableActivity: '.MainActivity', sizeBytes: 1024 * 1024 },
});

describe('the instructor readies the cart before class', () => {
  it('names a headset by serial, reads the readiness line, installs on all and gets the cart-level summary with the reason', async () => {
    const [charged, flat] = [app.cart.cart.headsets[0]!, app.cart.cart.headsets[1]!];
    await navLink(app.page, 'VR library').click();
    const importer = app.page.getByRole('region', { name: 'Import an APK' });
    await importer.getByLabel('APK and OBB files').setInputFiles(app.apk.path);
    await importer.getByRole('button', { name: 'Save to library' }).click();
    await importer.getByRole('status').filter({ hasText: '“Fire Drill” was added to the library.' }).waitFor();
    expect(await axeScreen(app.page, 'cart-console', '00-library-import')).toEqual([]);

    await navLink(app.page, 'Headsets').click();
    const readiness = app.page.getByTestId('cart-readiness');
    await readiness.filter({ hasText: '1 of 2 headsets ready · battery too low: 1' }).waitFor();
    // The flat one warns at the same threshold main refuses under.
    await app.page.getByRole('article', { name: `Quest 3 ${flat.serial}` }).getByText('5% — low, charge it before installing').waitFor();

    // Named by serial: the card's heading becomes the name, kept when the page is left and opened again.
    const first = app.page.getByRole('article', { name: `Quest 3 ${charged.serial}` });
    await first.getByLabel(`Name for ${charged.serial}`).fill('Cart A 01');
    await first.getByRole('button', { name: 'Save name' }).click();
    const named = app.page.getByRole('article', { name: `Cart A 01 ${charged.serial}` });
    await named.getByRole('status').filter({ hasText: 'Name saved.' }).waitFor();
    await navLink(app.page, 'Overview').click();
    await navLink(app.page, 'Headsets').click();
    await named.waitFor();
    expect((await readStore(app.page, 'headsetNames')).map((row) => [row.serial, row.name])).toEqual([[charged.serial, 'Cart A 01']]);

    // Today's app: neither has it yet; the line says so.
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Fire Drill (1.0.3)' });
    await readiness.filter({ hasText: '0 of 2 headsets ready for “Fire Drill” · battery too low: 1 · app not installed: 2' }).waitFor();
    expect((await app.page.getByRole('region', { name: 'Ready for class?' }).getByRole('listitem').allTextContents()).sort()).toEqual(
      [`Cart A 01 (${charged.serial}): the app is not installed`, `Quest 3 (${flat.serial}): battery too low to install, the app is not installed`].sort(),
    );
    expect(await axeScreen(app.page, 'cart-console', '01-readiness')).toEqual([]);

    await app.page.getByRole('button', { name: 'Install on all' }).click();
    const summary = app.page.getByTestId('bulk-summary');
    await summary.filter({ hasText: '1 installed, 0 skipped, 1 failed, 0 cancelled, 0 still running.' }).waitFor({ timeout: 30_000 });
    expect(charged.state.installedVersion('org.example.fire')).toBe(3);
    expect(await app.page.getByRole('list', { name: 'Why they failed' }).textContent()).toContain('The battery is too low. Charge the headset first.');
    await readiness.filter({ hasText: '1 of 2 headsets ready for “Fire Drill” · battery too low: 1 · app not installed: 1' }).waitFor();
    expect(await axeScreen(app.page, 'cart-console', '02-after-install')).toEqual([]);

    // Per headset: the app comes off Cart A 01 again, and readiness follows.
    await named.getByRole('button', { name: 'Uninstall “Fire Drill” from this headset' }).click();
    await named.getByRole('list', { name: 'Library apps on this headset' }).getByText('Not installed', { exact: true }).waitFor();
    await readiness.filter({ hasText: '0 of 2 headsets ready for “Fire Drill” · battery too low: 1 · app not installed: 2' }).waitFor();
    expect(charged.state.installedVersion('org.example.fire')).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });

  it('installs and starts today’s app on one headset from its card, leaving the rest of the cart alone', async () => {
    const [charged, flat] = [app.cart.cart.headsets[0]!, app.cart.cart.headsets[1]!];
    await navLink(app.page, 'Headsets').click();
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Fire Drill (1.0.3)' });
    const one = app.page.getByRole('article', { name: `Cart A 01 ${charged.serial}` });
    const other = app.page.getByRole('article', { name: `Quest 3 ${flat.serial}` });
    // Starting what is not installed says so instead of asking the headset.
    await other.getByRole('button', { name: 'Start “Fire Drill” here' }).click();
    await other.getByRole('alert').filter({ hasText: '“Fire Drill” is not on this headset yet: install it here first.' }).waitFor();
    await one.getByRole('button', { name: 'Install “Fire Drill” here' }).click();
    await expect.poll(() => charged.state.installedVersion('org.example.fire'), { timeout: 30_000 }).toBe(3);
    await one.getByRole('list', { name: 'Library apps on this headset' }).getByText('Not installed', { exact: true }).waitFor({ state: 'detached' });
    expect(flat.state.installedVersion('org.example.fire')).toBeNull();
    await one.getByRole('button', { name: 'Start “Fire Drill” here' }).click();
    await one.getByRole('list', { name: 'Launch results' }).getByText(/: running/).waitFor();
    expect(charged.state.foreground.packageName).toBe('org.example.fire');
    expect(flat.state.foreground.packageName).not.toBe('org.example.fire');
    expect(await axeScreen(app.page, 'cart-console', '02b-one-headset')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('“Cancel all” stops an install crawling over a slow link, and the summary counts it cancelled', async () => {
    const [charged, flat] = [app.cart.cart.headsets[0]!, app.cart.cart.headsets[1]!];
    await navLink(app.page, 'Headsets').click();
    await app.page.getByRole('combobox', { name: /^Package/ }).selectOption({ label: 'Fire Drill (1.0.3)' });
    const named = app.page.getByRole('article', { name: `Cart A 01 ${charged.serial}` });
    // The test before left the app on Cart A 01: take it off, so there is something to install.
    if (charged.state.installedVersion('org.example.fire') !== null) {
      await named.getByRole('button', { name: 'Uninstall “Fire Drill” from this headset' }).click();
      await expect.poll(() => charged.state.installedVersion('org.example.fire')).toBeNull();
      await named.getByRole('list', { name: 'Library apps on this headset' }).getByText('Not installed', { exact: true }).waitFor();
    }
    // 1 MiB at 32 KiB/s: half a minute, far longer than this test waits.
    charged.faults.throttleBytesPerSecond = 32 * 1024;
    try {
      await app.page.getByRole('button', { name: 'Install on all' }).click();
      const cancel = app.page.getByRole('button', { name: 'Cancel all (1 running)' });
      await cancel.waitFor({ timeout: 15_000 });
      expect(await axeScreen(app.page, 'cart-console', '03-install-running')).toEqual([]);
      await cancel.click();
      const summary = app.page.getByTestId('bulk-summary');
      await summary.filter({ hasText: '0 installed, 0 skipped, 1 failed, 1 cancelled, 0 still running.' }).waitFor({ timeout: 15_000 });
      await cancel.waitFor({ state: 'detached' });
      expect(await app.page.getByRole('alert').filter({ hasText: 'could not be cancelled' }).count()).toBe(0);
      expect(charged.state.installedVersion('org.example.fire')).toBeNull();
      expect(flat.state.installedVersion('org.example.fire')).toBeNull();
      expect(await axeScreen(app.page, 'cart-console', '04-cancelled')).toEqual([]);
    } finally {
      charged.faults.throttleBytesPerSecond = null;
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('connecting over Wi-Fi says what adb’s answer means and what to do, with adb’s own words below', async () => {
    const [first] = app.cart.cart.headsets;
    await navLink(app.page, 'Headsets').click();
    const form = app.page.getByRole('form', { name: 'Connect over Wi-Fi' });
    const [host = '', port = ''] = (first?.serial ?? '').split(':');
    await form.getByLabel('Headset IP address').fill(host);
    await form.getByLabel('Port', { exact: true }).fill(port);
    await form.getByRole('button', { name: 'Connect' }).click();
    await form.getByRole('status').filter({ hasText: /^Connected\. The headset appears in the cart in a moment\.|^This headset was already connected\./ }).waitFor();
    await form.getByText(`adb answered: ${first?.serial ?? ''}`, { exact: false }).waitFor();
    // A port nothing listens on: refused, in words, with what to do.
    await form.getByLabel('Port', { exact: true }).fill('1');
    await form.getByRole('button', { name: 'Connect' }).click();
    await form.getByRole('alert').filter({ hasText: 'wireless debugging is off' }).waitFor();
    // Pairing with a code: Debian's adb 29 has no `adb pair`, and the kiosk says so with what to do instead.
    await form.getByText('Pair with a code').click();
    await form.getByLabel('Pairing port').fill('37099');
    await form.getByLabel('Pairing code').fill('12345');
    await form.getByRole('button', { name: 'Pair', exact: true }).click();
    await form.getByText('The pairing code is six digits.').waitFor();
    await form.getByLabel('Pairing code').fill('123456');
    await form.getByRole('button', { name: 'Pair', exact: true }).click();
    await form.getByTestId('pair-outcome').filter({ hasText: 'too old to pair with a code' }).waitFor();
    await form.getByTestId('pair-outcome').getByText('unknown command pair', { exact: false }).waitFor();
    expect(await axeScreen(app.page, 'cart-console', '05-wifi-pair')).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });
});
