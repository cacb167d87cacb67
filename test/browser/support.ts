/** Page helpers for the browser tests: locate a registry field's row by its form path. */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS_DIR = 'test-artifacts';

export function requireBuiltViews(): void {
  for (const file of ['dist/view/configuration/configuration.html', 'dist/view/actions/send-web-event.html']) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build:views" (npm test builds it first).`);
  }
}

export const row = (page: Page, path: string): Locator => page.locator(`[data-field-path="${path}"]`);
export const input = (page: Page, path: string): Locator => row(page, path).locator('input').first();

export async function fill(page: Page, path: string, value: string): Promise<void> {
  await input(page, path).fill(value);
  // Comboboxes open their list while typing; close it so it does not cover the next field.
  await page.keyboard.press('Escape');
}

export async function pickDataElementFor(page: Page, path: string): Promise<void> {
  await row(page, path).getByRole('button', { name: /^Pick a data element for / }).click();
}

/** A picker's trigger button (the one that opens its list box). */
export const pickerButton = (page: Page, path: string): Locator => row(page, path).locator('button[aria-haspopup="listbox"]');

export async function choose(page: Page, path: string, option: string): Promise<void> {
  await pickerButton(page, path).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A screenshot of the page from the top, at most `maxHeight` pixels tall (README-sized). */
export async function screenshot(page: Page, name: string, maxHeight = 2000): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = `${ARTIFACTS_DIR}/${name}.png`;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 1100;
  await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
  return file;
}

/** Buttons that would submit (and so navigate) the view's page; Adobe's views must have none. */
export const submittingButtons = (page: Page): Promise<number> =>
  page.evaluate(() => document.querySelectorAll('button:not([type="button"]), input[type="submit"]').length);

/** Fails unless the element shows up within a few seconds (React renders asynchronously). */
export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 5_000 });
}
