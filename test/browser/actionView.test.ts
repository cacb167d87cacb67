/**
 * The action view in real Chromium: every field filled in (literals and data elements), bad
 * literals and the EU consent rule shown and fixed, settings saved and reloaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { CHECK_MESSAGES } from '../../src/fields/checks';
import { EU_CONSENT_MESSAGE } from '../../view/actions/sendWebEvent/sections/consent/form';
import { MATCH_KEY_MESSAGE } from '../../view/actions/sendWebEvent/sections/user/form';
import { actionSchemaErrors } from '../views/support';
import { getSettings, init, launchChromium, openView, PICKED_TOKEN, serveViews, validate } from './harness';
import { ACTION_VIEW_SAVED_SETTINGS as EXPECTED_SETTINGS } from './savedSettings';
import { fill, input, pickDataElementFor, requireBuiltViews, row, screenshot, submittingButtons, visible } from './support';

const VIEW = 'actions/send-web-event.html';
const EU_CONFIGURATION = { region: 'EU', api: 'events' };
const ROWS = 'customAttributes.customAttributes.rows';

/** Literal values typed into the text fields (fake personal data). */
const TEXT_VALUES: Record<string, string> = {
  'event.id': 'order-1001',
  'user.phone': '+1 555 555 0100',
  'user.externalId': 'customer_42',
  'user.firstName': 'Jane',
  'user.lastName': 'Doe',
  'user.address': '1 Example Street',
  'user.city': 'Springfield',
  'user.state': 'IL',
  'user.postalCode': '62701',
  'user.maid': 'fake-maid-0001',
  'user.rampId': 'fake-ramp-0001',
  'properties.price': '19.99',
  'properties.contentId': 'sku_1',
  'properties.contentCategory': 'shoes',
  'properties.contentName': 'Trail shoe',
  'properties.value': '39.98',
  'properties.description': 'summer sale',
  'properties.query': 'trail shoes',
  'properties.status': 'paid',
  'properties.brand': 'Example',
  'consent.tcf': 'CPfakeTCF',
  'consent.gpp': 'DBfakeGPP'
};

/** Option labels typed into the enum comboboxes; the view saves the option values. */
const ENUM_LABELS: Record<string, string> = {
  'properties.contentType': 'Product',
  'properties.currency': 'USD',
  'consent.amznUserData': 'Granted',
  'consent.amznAdStorage': 'Denied'
};


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

async function openAction(settings: Record<string, unknown> | null): Promise<Page> {
  const page = await openView(browser, server.origin, VIEW);
  await init(page, { settings, extensionSettings: EU_CONFIGURATION });
  await input(page, 'event.name').waitFor();
  return page;
}

async function isInViewport(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  return box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

const errorIn = (page: Page, path: string, message: string) => visible(row(page, path).getByText(message, { exact: true }));

describe('action view (Chromium)', () => {
  it('is filled in completely, shows and clears every validation error, and saves schema-valid settings', async () => {
    const page = await openAction(null);

    await expect(validate(page)).resolves.toBe(false);
    await errorIn(page, 'event.name', 'Enter the Event Name, or pick a data element.');
    await visible(page.getByTestId('eu-consent-error').getByText(EU_CONSENT_MESSAGE));
    await visible(page.getByTestId('match-key-error').getByText(MATCH_KEY_MESSAGE));

    // Event: a standard name shows the Amazon type it derives to; picked data elements fill fields.
    await fill(page, 'event.name', 'CompletePayment');
    await visible(row(page, 'event.name').getByText('Off Amazon Purchases', { exact: true }));
    await pickDataElementFor(page, 'event.time');
    await expect(input(page, 'event.time').inputValue()).resolves.toBe(PICKED_TOKEN);
    await fill(page, 'event.countryCode', 'XX');
    await fill(page, 'user.email', 'not-an-address');
    await fill(page, 'properties.quantity', '0');
    for (const [path, value] of Object.entries(TEXT_VALUES)) await fill(page, path, value);
    for (const [path, label] of Object.entries(ENUM_LABELS)) await fill(page, path, label);
    await pickDataElementFor(page, 'properties.contents');
    await page.getByRole('switch', { name: 'Limited data use' }).click();
    await pickDataElementFor(page, 'options.dryRun');
    await visible(row(page, 'options.dryRun').getByRole('button', { name: 'Use a switch' }));

    // Custom attributes: two rows kept, a third added and removed.
    await fill(page, `${ROWS}.0.name`, 'coupon');
    await fill(page, `${ROWS}.0.value`, 'SUMMER');
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await fill(page, `${ROWS}.1.name`, 'bad name');
    await fill(page, `${ROWS}.1.value`, '2');
    await page.getByRole('button', { name: 'Attribute 2 data type' }).click();
    await page.getByRole('option', { name: 'Integer', exact: true }).click();
    // The closing popover briefly keeps React Aria's hidden dismiss buttons; count once it is gone.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Add attribute' }).click();
    await expect(submittingButtons(page)).resolves.toBe(0);
    await page.getByRole('button', { name: 'Remove attribute 3' }).click();
    await expect(row(page, `${ROWS}.2.name`).count()).resolves.toBe(0);

    // The IP address alone is not filled in yet, but TCF, GPP and Amazon consent are: EU rule met.
    await expect(validate(page)).resolves.toBe(false);
    await expect(page.getByTestId('eu-consent-error').count()).resolves.toBe(0);
    await expect(page.getByTestId('match-key-error').count()).resolves.toBe(0);
    await errorIn(page, 'event.countryCode', CHECK_MESSAGES.countryCode);
    await errorIn(page, 'user.email', CHECK_MESSAGES.email);
    await errorIn(page, 'properties.quantity', 'Enter a number greater than 0.');
    await errorIn(page, `${ROWS}.1.name`, CHECK_MESSAGES.attributeName);

    await fill(page, 'event.countryCode', 'en-US');
    await fill(page, 'user.email', 'user@example.com');
    await fill(page, 'user.ipAddress', '203.0.113.7');
    await fill(page, 'properties.quantity', '2');
    await fill(page, `${ROWS}.1.name`, 'items');
    await expect(row(page, 'user.email').getByText(CHECK_MESSAGES.email).count()).resolves.toBe(0);

    await expect(validate(page)).resolves.toBe(true);
    const settings = await getSettings(page);
    expect(settings).toEqual(EXPECTED_SETTINGS);
    expect(actionSchemaErrors(settings)).toEqual([]);
    await screenshot(page, 'action-view');
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('the EU consent error clears as soon as one consent signal is given', async () => {
    const page = await openAction({ event: { name: 'Lead' }, user: { email: '{{email}}' } });
    await expect(validate(page)).resolves.toBe(false);
    await visible(page.getByTestId('eu-consent-error'));
    // The only problem is the section-level EU rule, far down the form: it is scrolled into view.
    await expect.poll(() => isInViewport(page.getByTestId('eu-consent-error')), { timeout: 5_000 }).toBe(true);
    await fill(page, 'user.ipAddress', '2001:db8::1');
    await page.getByTestId('eu-consent-error').waitFor({ state: 'detached' });
    await expect(validate(page)).resolves.toBe(true);
    await expect(getSettings(page)).resolves.toEqual({
      event: { name: 'Lead', actionSource: 'WEBSITE' },
      user: { ipAddress: '2001:db8::1', email: '{{email}}' }
    });
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('shows saved settings again when reopened', async () => {
    const page = await openAction(EXPECTED_SETTINGS);
    await expect(input(page, 'event.name').inputValue()).resolves.toBe('CompletePayment');
    await expect(input(page, 'event.actionSource').inputValue()).resolves.toBe('Website');
    await expect(input(page, 'user.email').inputValue()).resolves.toBe('user@example.com');
    await expect(input(page, 'properties.price').inputValue()).resolves.toBe('19.99');
    await expect(input(page, 'properties.currency').inputValue()).resolves.toBe('USD');
    await expect(input(page, 'consent.amznUserData').inputValue()).resolves.toBe('Granted');
    await expect(page.getByRole('switch', { name: 'Limited data use' }).isChecked()).resolves.toBe(true);
    await expect(input(page, 'options.dryRun').inputValue()).resolves.toBe(PICKED_TOKEN);
    await expect(input(page, `${ROWS}.1.name`).inputValue()).resolves.toBe('items');
    await expect(validate(page)).resolves.toBe(true);
    await expect(getSettings(page)).resolves.toEqual(EXPECTED_SETTINGS);
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
