/**
 * Shared test inputs for the library: a full purchase with every field set, obviously fake values,
 * and a fixed clock. Expected hashes are computed independently with node:crypto (never with the
 * code under test).
 */
import { createHash } from 'node:crypto';

export const NOW_MS = Date.parse('2026-08-20T14:10:00.000Z');
export const EVENT_TIME = '2026-08-20T14:04:28.000Z';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const ACCESS_TOKEN = 'Atza|fake-access-token';

export const extensionSettings = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  pixelCode: 'Web_Conversions',
  accessToken: ACCESS_TOKEN,
  advertiserId: '5876543210123',
  clientId: 'amzn1.application-oa2-client.fake',
  region: 'NA',
  api: 'events',
  ...overrides
});

/** Every action field set, as a tag engineer might resolve them (mixed types and spellings). */
export const fullPurchaseSettings = (): Record<string, unknown> => ({
  event: { name: 'Purchase', time: EVENT_TIME, id: 'order-100234', countryCode: 'en-US' },
  user: {
    ipAddress: '203.0.113.7',
    email: ' Test.User@Example.COM ',
    phone: '+1 (555) 555-0100',
    externalId: 'CUST000123',
    firstName: 'José',
    lastName: 'Doe',
    address: '123 Main St.',
    city: 'San Francisco',
    state: 'CA',
    postalCode: 'H0H 0H0',
    maid: 'ad-id-fake-0001',
    rampId: 'XYfakeRampId01'
  },
  properties: {
    currency: 'usd',
    contentType: 'product',
    status: 'paid',
    contents: [
      { price: 49.99, quantity: 2, contentId: 'SKU_123', contentName: 'Acme X', contentCategory: 'headphones', brand: 'acme' },
      { price: '5.01', quantity: '1', contentId: 'SKU_9' }
    ]
  },
  consent: { amznUserData: true, amznAdStorage: 'denied', tcf: 'CPfakeTCF', gpp: 'DBfakeGPP', limitedDataUse: 'yes' },
  customAttributes: [
    { name: 'coupon', value: 'SUMMER 24' },
    { name: 'basket-size', value: 3, dataType: 'integer' }
  ],
  dryRun: false
});

export const xdmEvent = (): Record<string, unknown> => ({
  _id: 'xdm-event-0001',
  timestamp: '2026-08-20T14:00:00.000Z',
  placeContext: { geo: { countryCode: 'GB' } }
});

/** The hash inputs of fullPurchaseSettings, normalised by DESIGN §4 by hand. */
export const EXPECTED_HASHES = {
  EMAIL: sha256('test.user@example.com'),
  PHONE_EVENTS: sha256('+15555550100'),
  PHONE_LEGACY: sha256('15555550100'),
  FIRST_NAME: sha256('jose'),
  LAST_NAME: sha256('doe'),
  ADDRESS: sha256('123mainst'),
  CITY: sha256('sanfrancisco'),
  STATE: sha256('ca'),
  POSTAL: sha256('h0h0h0')
};

export interface RecordedLogger {
  readonly lines: string[];
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export function recordingLogger(): RecordedLogger {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]): void => {
      lines.push(`${level}: ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`);
    };
  return { lines, log: record('log'), info: record('info'), debug: record('debug'), warn: record('warn'), error: record('error') };
}
