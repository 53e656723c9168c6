import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const RESULTS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results');

/**
 * Checks the screen as it is now with axe (WCAG 2.x A and AA rules) and keeps a full-page screenshot as an
 * artifact under test-results/<walk>/. Returns the serious and critical violations, each with where it is.
 */
export async function axeScreen(page: Page, walk: string, screen: string): Promise<string[]> {
  const folder = resolve(RESULTS, walk);
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: resolve(folder, `${screen}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${screen}: ${violation.id} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
