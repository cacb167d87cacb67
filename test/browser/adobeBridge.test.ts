/**
 * Both views inside Adobe's real extension bridge (@adobe/reactor-bridge 12, the one the reactor
 * sandbox ships): the CDN loader script, the child it loads from the host's origin, and the parent
 * `loadIframe` the Tags UI uses. This checks the views speak the bridge's protocol: they register
 * before the render timeout, init reaches them, validate answers a boolean, getSettings an object,
 * and the data element selector round-trips through the parent.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionSchemaErrors, configurationSchemaErrors } from '../views/support';
import { BRIDGE_URL, launchChromium, serveViews } from './harness';
import { requireBuiltViews } from './support';

const require = createRequire(import.meta.url);
const bridgeDist = (file: string) => readFileSync(require.resolve(`@adobe/reactor-bridge/dist/${file}`), 'utf8');
const BROWSER_TEST_TIMEOUT_MS = 120_000;

/** The Tags UI side: Adobe's `loadIframe`, bundled for the browser, exposed to the test. */
async function parentBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { loadIframe } from '@adobe/reactor-bridge';
        window.loadView = (src, extensionInitOptions) => {
          window.selectorCalls = [];
          const iframe = document.createElement('iframe');
          iframe.src = src;
          iframe.style.width = '1000px';
          iframe.style.height = '800px';
          document.body.appendChild(iframe);
          const bridge = loadIframe({
            iframe,
            extensionInitOptions,
            openDataElementSelector: (options) => {
              window.selectorCalls.push(options);
              return options && options.tokenize ? '{{Order ID}}' : 'Order ID';
            }
          });
          return bridge.promise.then((child) => { window.child = child; return true; });
        };`,
      resolveDir: process.cwd()
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'error'
  });
  return result.outputFiles[0]?.text ?? '';
}

declare global {
  interface Window {
    loadView(src: string, initOptions: unknown): Promise<boolean>;
    child: { validate(): Promise<boolean>; getSettings(): Promise<Record<string, unknown>> };
    selectorCalls: unknown[];
  }
}

let browser: Browser;
let server: Awaited<ReturnType<typeof serveViews>>;

beforeAll(async () => {
  requireBuiltViews();
  browser = await launchChromium();
  server = await serveViews({
    '/host.html': { contentType: 'text/html', body: '<!doctype html><html><body><script src="/host.js"></script></body></html>' },
    '/host.js': { contentType: 'text/javascript', body: await parentBundle() },
    // The loader fetches the child from the host page's origin, as it does from the Tags UI's.
    '/extensionbridge/extensionbridge-child.js': { contentType: 'text/javascript', body: bridgeDist('extensionbridge-child.js') }
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function hostView(viewPath: string, initOptions: unknown): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === BRIDGE_URL) await route.fulfill({ contentType: 'text/javascript', body: bridgeDist('extensionbridge.min.js') });
    else if (url.startsWith(server.origin)) await route.continue();
    else await route.abort();
  });
  await page.goto(`${server.origin}/host.html`);
  // Resolves only once the view has registered and answered init within the bridge's timeouts.
  await expect(page.evaluate(([src, options]) => window.loadView(src, options), [`${server.origin}/${viewPath}`, initOptions] as const)).resolves.toBe(true);
  return page;
}

describe('views inside Adobe’s extension bridge (Chromium)', () => {
  it('configuration view: init, validate, data element selector and getSettings over the bridge', async () => {
    const page = await hostView('configuration/configuration.html', {
      settings: { advertiserId: '1234567890123', clientId: 'amzn1.application-oa2-client.0123456789abcdef' }
    });
    await expect(page.evaluate(() => window.child.validate())).resolves.toBe(false);

    const view = page.frameLocator('iframe');
    await view.getByRole('button', { name: 'Pick a data element for Access Token' }).click();
    await expect(view.locator('[data-field-path="account.accessToken"] input').inputValue()).resolves.toBe('{{Order ID}}');
    await expect(page.evaluate(() => window.selectorCalls)).resolves.toEqual([{ tokenize: true }]);

    await expect(page.evaluate(() => window.child.validate())).resolves.toBe(true);
    const settings = await page.evaluate(() => window.child.getSettings());
    expect(settings).toEqual({
      pixelCode: 'Default_Events',
      accessToken: '{{Order ID}}',
      advertiserId: '1234567890123',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef',
      region: 'NA',
      api: 'events'
    });
    expect(configurationSchemaErrors(settings)).toEqual([]);
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('action view: the extension settings reach the view (EU consent rule) and saved settings round-trip', async () => {
    const saved = {
      event: { name: 'Purchase', actionSource: 'WEBSITE' },
      user: { email: '{{email}}' },
      properties: { value: 39.98, currency: 'EUR' }
    };
    const page = await hostView('actions/send-web-event.html', { settings: saved, extensionSettings: { region: 'EU' } });
    await expect(page.evaluate(() => window.child.validate())).resolves.toBe(false);
    const view = page.frameLocator('iframe');
    await view.getByTestId('eu-consent-error').waitFor();

    await view.getByRole('button', { name: 'Pick a data element for IP Address' }).click();
    await view.getByTestId('eu-consent-error').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => window.child.validate())).resolves.toBe(true);
    const settings = await page.evaluate(() => window.child.getSettings());
    expect(settings).toEqual({ ...saved, user: { ipAddress: '{{Order ID}}', email: '{{email}}' } });
    expect(actionSchemaErrors(settings)).toEqual([]);
    await page.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
