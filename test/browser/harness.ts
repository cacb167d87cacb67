/**
 * Real-Chromium harness for the built views: serves dist/view from a loopback HTTP server,
 * answers the extension bridge URL with a fake bridge that records the view's registration, and
 * lets tests drive init / validate / getSettings as the Tags UI does.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const BRIDGE_URL = 'https://assets.adobedtm.com/activation/reactor/extensionbridge/extensionbridge.min.js';
/** What the fake data element selector returns, as Tags does on edge. */
export const PICKED_TOKEN = '{{Some Element}}';

const VIEW_ROOT = path.resolve('dist/view');
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const FAKE_BRIDGE = `
window.__selectorCalls = [];
window.extensionBridge = {
  register: function (registration) { window.__registration = registration; },
  openDataElementSelector: function (options) {
    window.__selectorCalls.push(options);
    return Promise.resolve(options && options.tokenize ? ${JSON.stringify(PICKED_TOKEN)} : 'Some Element');
  }
};`;

export interface InitInfoInput {
  settings: Record<string, unknown> | null;
  extensionSettings?: Record<string, unknown>;
}

declare global {
  interface Window {
    __registration?: {
      init(info: InitInfoInput): void;
      validate(): boolean | Promise<boolean>;
      getSettings(): Record<string, unknown> | Promise<Record<string, unknown>>;
    };
    __selectorCalls: unknown[];
  }
}

export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium is missing at ${executablePath}: install it with "apt-get install chromium" (the browser tests never download one).`);
  }
  return chromium.launch({
    executablePath,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
}

/** A file served at a fixed path beside the views (a host page, Adobe's bridge child). */
export interface ExtraFile {
  readonly body: string;
  readonly contentType: string;
}

export async function serveViews(extraFiles: Readonly<Record<string, ExtraFile>> = {}): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const extra = extraFiles[pathname];
    if (extra) {
      response.writeHead(200, { 'content-type': extra.contentType }).end(extra.body);
      return;
    }
    const file = path.join(VIEW_ROOT, pathname);
    if (!file.startsWith(VIEW_ROOT + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  };
}

/** Opens a view page with the fake bridge and waits until the view has registered. */
export async function openView(browser: Browser, origin: string, viewPath: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  // Fail a step within seconds, with Playwright's own message, rather than at the test timeout.
  page.setDefaultTimeout(5_000);
  // Only loopback is allowed: the bridge is faked and every other outside request fails.
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === BRIDGE_URL) await route.fulfill({ contentType: 'text/javascript', body: FAKE_BRIDGE });
    else if (url.startsWith(origin)) await route.continue();
    else await route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/${viewPath}`);
  await page.waitForFunction(() => window.__registration !== undefined, undefined, { timeout: 10_000 }).catch(() => {
    throw new Error(`The view did not register with the bridge. Page errors: ${errors.join('; ') || 'none'}`);
  });
  return page;
}

export const init = (page: Page, info: InitInfoInput) =>
  page.evaluate((initInfo) => window.__registration?.init(initInfo), info);
export const validate = (page: Page) => page.evaluate(() => window.__registration?.validate());
export const getSettings = (page: Page) => page.evaluate(() => window.__registration?.getSettings());
