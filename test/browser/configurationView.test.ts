/**
 * The configuration view in real Chromium, driven as the Tags UI drives it: init, fill, pick data
 * elements, validate, getSettings, and reload the saved settings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { configurationSchemaErrors } from '../views/support';
import { getSettings, init, launchChromium, openView, PICKED_TOKEN, serveViews, validate } from './harness';
import { CONFIGURATION_VIEW_SAVED_SETTINGS } from './savedSettings';
import { choose, fill, input, pickDataElementFor, pickerButton, requireBuiltViews, row, screenshot, submittingButtons, visible } from './support';

const VIEW = 'configuration/configuration.html';
/** Generous: the machine is shared, and each step already fails within 5 s on its own. */
const BROWSER_TEST_TIMEOUT_MS = 120_000;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveViews>>;

beforeAll(async () => {
  requireBuiltViews();
  browser = await launchChromium();
  server = await serveViews();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newConfiguration(): Promise<Page> {
  const page = await openView(browser, server.origin, VIEW);
  await init(page, { settings: null });
  await input(page, 'account.pixelCode').waitFor();
  return page;
}

describe('configuration view (Chromium)', () => {
  it('fails, rather than skips, when Chromium is not installed', async () => {
    await expect(launchChromium('/nonexistent/chromium')).rejects.toThrow(
      'Chromium is missing at /nonexistent/chromium: install it with "apt-get install chromium" (the browser tests never download one).'
    );
  });

  it('is filled in, rejects bad literals with how-to-fix messages, and saves settings the schema accepts', async () => {
    const page = await newConfiguration();
    await expect(input(page, 'account.pixelCode').inputValue()).resolves.toBe('Default_Events');
    await expect(submittingButtons(page)).resolves.toBe(0);
    await expect(input(page, 'account.accessToken').getAttribute('type')).resolves.toBe('password');

    await expect(validate(page)).resolves.toBe(false);
    await visible(row(page, 'account.advertiserId').getByText('Enter the Advertiser Account ID, or pick a data element.'));
    await visible(
      row(page, 'account.accessToken').getByText('Pick the Core Secret data element that holds the access token, or turn on automatic token renewal below.')
    );

    await fill(page, 'account.pixelCode', 'ab');
    await fill(page, 'account.advertiserId', 'ENTITY123');
    await fill(page, 'account.clientId', 'amzn1.application-oa2-client.0123456789abcdef');
    await pickDataElementFor(page, 'account.accessToken');
    await expect(input(page, 'account.accessToken').inputValue()).resolves.toBe(PICKED_TOKEN);
    // The token only names the secret, so it is shown; a typed-in secret stays masked.
    await expect(input(page, 'account.accessToken').getAttribute('type')).resolves.toBe('text');
    await choose(page, 'api.region', 'Europe (EU)');
    await choose(page, 'api.api', 'Conversions API v1 (legacy)');

    await fill(page, 'account.accessToken', 'Atza|fake-access-token');
    await expect(input(page, 'account.accessToken').getAttribute('type')).resolves.toBe('password');
    await visible(row(page, 'account.accessToken').getByText(/^This is saved in plain text in your property\./));
    await input(page, 'account.accessToken').fill('');
    await pickDataElementFor(page, 'account.accessToken');

    await expect(validate(page)).resolves.toBe(false);
    await visible(row(page, 'account.pixelCode').getByText('Use 5 to 100 characters: a letter first, then letters, digits, "_" or "-".'));
    await visible(row(page, 'account.advertiserId').getByText('Use the numeric DSP advertiser ID (digits only), not the Entity ID.'));

    await fill(page, 'account.pixelCode', 'Checkout_Events');
    await fill(page, 'account.advertiserId', '1234567890123');
    await expect(validate(page)).resolves.toBe(true);
    const settings = await getSettings(page);
    expect(settings).toEqual(CONFIGURATION_VIEW_SAVED_SETTINGS.accessToken);
    expect(configurationSchemaErrors(settings)).toEqual([]);
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('renews tokens with both secrets, which makes the access token optional', async () => {
    const page = await newConfiguration();
    await fill(page, 'account.advertiserId', '1234567890123');
    await fill(page, 'account.clientId', 'amzn1.application-oa2-client.0123456789abcdef');
    await page.getByRole('switch', { name: 'Renew tokens automatically' }).click();
    await pickDataElementFor(page, 'tokenRenewal.refreshToken');

    await expect(validate(page)).resolves.toBe(false);
    await visible(
      row(page, 'tokenRenewal.clientSecret').getByText(
        'Pick the Core Secret data element that holds the Client Secret: renewal needs both the refresh token and the client secret.'
      )
    );
    await pickDataElementFor(page, 'tokenRenewal.clientSecret');
    await expect(validate(page)).resolves.toBe(true);
    const settings = await getSettings(page);
    expect(settings).toEqual(CONFIGURATION_VIEW_SAVED_SETTINGS.tokenRenewal);
    expect(configurationSchemaErrors(settings)).toEqual([]);
    await screenshot(page, 'configuration-view');
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('shows saved settings again when reopened', async () => {
    const saved = {
      pixelCode: 'Checkout_Events',
      accessToken: '{{Amazon access token}}',
      advertiserId: '1234567890123',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef',
      region: 'FE',
      api: 'legacy',
      refreshToken: '{{Amazon refresh token}}',
      clientSecret: '{{Amazon client secret}}'
    };
    const page = await openView(browser, server.origin, VIEW);
    await init(page, { settings: saved });
    await expect(input(page, 'account.pixelCode').inputValue()).resolves.toBe('Checkout_Events');
    await expect(input(page, 'account.accessToken').inputValue()).resolves.toBe('{{Amazon access token}}');
    await expect(pickerButton(page, 'api.region').textContent()).resolves.toContain('Far East (FE)');
    await expect(page.getByRole('switch', { name: 'Renew tokens automatically' }).isChecked()).resolves.toBe(true);
    await expect(input(page, 'tokenRenewal.clientSecret').inputValue()).resolves.toBe('{{Amazon client secret}}');
    await expect(validate(page)).resolves.toBe(true);
    await expect(getSettings(page)).resolves.toEqual(saved);
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
