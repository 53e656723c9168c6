import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { importClassList, leaveInstructorMode, navLink, readStore } from '../support/page-helpers';
import { ALICE, TENANT } from '../support/local-api-fixture';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'scorm');

export async function fixtureZip(name: string): Promise<Buffer> {
  return readFile(join(FIXTURES, name));
}

/** The instructor imports a zip from the library's SCORM section and waits for the answer. */
export async function importCourse(page: Page, name: string, buffer: Buffer): Promise<void> {
  await navLink(page, 'VR library').click();
  await page.getByLabel('Choose a SCORM zip').setInputFiles({ name, mimeType: 'application/zip', buffer });
  await page.locator('[data-testid=course-drop-zone] [role=status], [data-testid=course-import-error]').first().waitFor();
}

/** Class list with Alice, courses imported, instructor leaves, Alice signs in and opens My courses. */
export async function prepareLearner(page: Page, zips: ReadonlyArray<readonly [string, Buffer]>): Promise<void> {
  await importClassList(page, { tenant_id: TENANT, learners: [{ id: ALICE, display_name: 'Alice Wong' }] });
  for (const [name, buffer] of zips) {
    await importCourse(page, name, buffer);
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  }
  await leaveInstructorMode(page);
  await signInAlice(page);
}

export async function signInAlice(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Alice Wong' }).click();
  await page.getByRole('heading', { name: 'My VR sessions' }).waitFor();
  await navLink(page, 'My courses').click();
  await page.getByRole('heading', { name: 'My courses', level: 1 }).waitFor();
}

/** Opens a course from My courses ("Start" or "Continue") and returns the course frame inside the shell. */
export async function openCourse(page: Page, title: string): Promise<FrameLocator> {
  await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) }).getByRole('button').click();
  await page.getByTestId('scorm-player').waitFor();
  return page.frameLocator('[data-testid=scorm-frame]').frameLocator('iframe');
}

export async function exitCourse(page: Page): Promise<void> {
  await page.getByTestId('scorm-exit').click();
  await page.getByTestId('scorm-player').waitFor({ state: 'detached' });
}

export async function sessions(page: Page): Promise<Array<Record<string, unknown>>> {
  return readStore(page, 'scormSessions');
}
