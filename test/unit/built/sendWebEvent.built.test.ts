/**
 * The built library module as Adobe's edge loads it: one CommonJS file, run in a fresh V8 context
 * with web-platform globals only and a require that refuses anything but relative paths
 * (adobe-edge-platform.md §3.4). A purchase goes through the real pipeline and the real delivery
 * code to a fake `utils.fetch` answering 207.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEND_WEB_EVENT_LIB_PATH } from '../../../src/fields/manifest';
import { ACCESS_TOKEN, EXPECTED_HASHES, extensionSettings, recordingLogger } from '../action/fixtures';
import { webOnlyGlobals } from '../../support/webOnlyGlobals';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const builtPath = join(root, SEND_WEB_EVENT_LIB_PATH);

function newestSourceMs(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestSourceMs(path) : statSync(path).mtimeMs);
  }, 0);
}

/** `npm test` builds first; a stale or missing file (a lone vitest run) is rebuilt with the real build script. */
function ensureBuilt(): void {
  let builtMs = 0;
  try {
    builtMs = statSync(builtPath).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (builtMs < newestSourceMs(join(root, 'src'))) execFileSync('node', ['scripts/build-lib.mjs'], { cwd: root, stdio: 'pipe' });
}

type EdgeModule = (context: { arc: unknown; utils: unknown }) => Promise<Record<string, unknown>>;

function loadInWebOnlyContext(source: string): EdgeModule {
  const context = vm.createContext(
    webOnlyGlobals(() => Promise.reject(new Error('the global fetch must not be called in this test')))
  );
  const requireRelativeOnly = (specifier: string): never => {
    if (!/^\.\.?\//.test(specifier)) throw new Error(`only relative requires allowed: ${specifier}`);
    throw new Error(`the built action must be self-contained, but it requires ${specifier}`);
  };
  const module = { exports: {} as unknown };
  const wrapper = vm.runInContext(`(function (module, exports, require) {${source}\n})`, context) as (
    module: { exports: unknown },
    exports: unknown,
    require: (specifier: string) => unknown
  ) => void;
  wrapper(module, module.exports, requireRelativeOnly);
  return module.exports as EdgeModule;
}

let source = '';

beforeAll(() => {
  ensureBuilt();
  source = readFileSync(builtPath, 'utf8');
});

describe('built send-web-event module', () => {
  it('uses no Node-only API and needs nothing at run time', () => {
    expect(source).not.toMatch(/\brequire\s*\(\s*["'`](?!\.\.?\/)/);
    expect(source).not.toMatch(/\bBuffer\b/);
    expect(source).not.toMatch(/\bprocess\./);
    expect(source).not.toMatch(/\brequire\s*\(/);
  });

  it('stays under 40 KB gzipped', () => {
    expect(gzipSync(source).length).toBeLessThan(40 * 1024);
  });

  it('exports the action function itself', () => {
    expect(typeof loadInWebOnlyContext(source)).toBe('function');
  });

  it('sends a purchase through utils.fetch exactly as Amazon expects', async () => {
    const sendWebEvent = loadInWebOnlyContext(source);
    const calls: Array<{ url: string; init: { method: string; headers: Record<string, string>; body: string } }> = [];
    const fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => {
      calls.push({ url, init });
      return Promise.resolve(new Response(JSON.stringify({ success: [{ index: 0 }], error: [] }), { status: 207 }));
    };
    const eventTime = new Date(Date.now() - 60_000).toISOString();
    const logger = recordingLogger();
    const summary = await sendWebEvent({
      arc: { event: { xdm: { _id: 'xdm-event-0001', placeContext: { geo: { countryCode: 'US' } } } }, ruleStash: {} },
      utils: {
        getExtensionSettings: () => extensionSettings(),
        getSettings: () => ({
          event: { name: 'Purchase', time: eventTime, id: 'order-100234' },
          user: { email: ' Test.User@Example.COM ', ipAddress: '203.0.113.7' },
          properties: { price: '49.99', quantity: 2, currency: 'usd', contentId: 'SKU_123' }
        }),
        fetch,
        logger
      }
    });

    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://advertising-api.amazon.com/adsApi/v1/create/events');
    expect(call?.init.method).toBe('POST');
    // Spread into this realm: the module's objects have the vm context's Object prototype.
    expect({ ...call?.init.headers }).toStrictEqual({
      Authorization: `Bearer ${ACCESS_TOKEN}`,
      'Amazon-Ads-AccountId': '5876543210123',
      'Amazon-Ads-ClientId': 'amzn1.application-oa2-client.fake',
      'Content-Type': 'application/json',
      Accept: 'application/json'
    });
    expect(JSON.parse(call?.init.body ?? '')).toStrictEqual({
      events: [
        {
          eventDescription: {
            name: 'Purchase',
            conversionType: 'OFF_AMAZON_PURCHASES',
            eventSource: 'WEBSITE',
            eventIngestionMethod: 'SERVER_TO_SERVER',
            dataSetName: 'Web_Conversions'
          },
          eventTime,
          eventId: 'order-100234',
          countryCode: 'US',
          matchKeys: [{ type: 'EMAIL', values: [EXPECTED_HASHES.EMAIL] }],
          value: 99.98,
          currencyCode: 'USD',
          unitsSold: 2,
          consent: { geo: { ipAddress: '203.0.113.7' } },
          customData: [{ name: 'product', dataType: 'STRING', value: 'SKU_123' }]
        }
      ]
    });
    expect(JSON.parse(JSON.stringify(summary))).toStrictEqual({
      status: 'sent',
      api: 'events',
      eventId: 'order-100234',
      httpStatus: 207,
      attempts: 1,
      matchKeys: ['EMAIL'],
      warnings: []
    });
    expect(logger.lines.join('\n')).not.toContain('203.0.113.7');
  });
});
