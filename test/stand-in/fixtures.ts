/**
 * Valid requests for both Amazon APIs, built from obviously fake values. Digests are computed here
 * with node:crypto, independently of the product's hashing code.
 */
import { createHash } from 'node:crypto';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The stand-in's clock in tests: events are timed relative to this instant. */
export const NOW = Date.parse('2026-05-01T12:00:00.000Z');
export const minutes = (count: number): number => count * 60 * 1000;
export const days = (count: number): number => count * 24 * 60 * 60 * 1000;
export const isoAt = (epochMs: number): string => new Date(epochMs).toISOString();

export const ACCESS_TOKEN = 'Atza|fake-access-token';
export const ACCOUNT_ID = '5550000000001';
export const CLIENT_ID = 'amzn1.application-oa2-client.fake';

export const EMAIL_SHA256 = sha256('user@example.com');
export const PHONE_SHA256 = sha256('+15555550100');

export const BASES = {
  NA: 'https://advertising-api.amazon.com',
  EU: 'https://advertising-api-eu.amazon.com',
  FE: 'https://advertising-api-fe.amazon.com'
} as const;
export const TOKEN_URLS = {
  NA: 'https://api.amazon.com/auth/o2/token',
  EU: 'https://api.amazon.co.uk/auth/o2/token',
  FE: 'https://api.amazon.co.jp/auth/o2/token'
} as const;
export const EVENTS_PATH = '/adsApi/v1/create/events';
export const LEGACY_PATH = '/events/v1';

export function eventsApiHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return withoutUndefined({
    Authorization: `Bearer ${ACCESS_TOKEN}`,
    'Amazon-Ads-AccountId': ACCOUNT_ID,
    'Amazon-Ads-ClientId': CLIENT_ID,
    'Content-Type': 'application/json',
    ...overrides
  });
}

export function legacyApiHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return withoutUndefined({
    Authorization: `Bearer ${ACCESS_TOKEN}`,
    'Amazon-Ads-AccountId': ACCOUNT_ID,
    'Amazon-Advertising-API-ClientId': CLIENT_ID,
    'Content-Type': 'application/json',
    ...overrides
  });
}

function withoutUndefined(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A purchase the Events API accepts in every region (it carries consent for the EU). */
export function validEventsApiEvent(): Record<string, unknown> {
  return {
    eventDescription: {
      name: 'Purchase',
      conversionType: 'OFF_AMAZON_PURCHASES',
      eventSource: 'WEBSITE',
      eventIngestionMethod: 'SERVER_TO_SERVER',
      dataSetName: 'Default_Events'
    },
    countryCode: 'US',
    eventTime: isoAt(NOW - minutes(1)),
    matchKeys: [
      { type: 'EMAIL', values: [EMAIL_SHA256] },
      { type: 'PHONE', values: [PHONE_SHA256] },
      { type: 'MATCH_ID', values: ['customer_0001'] }
    ],
    value: 99.98,
    currencyCode: 'USD',
    unitsSold: 2,
    eventId: 'order-0001',
    dataProcessingOptions: { options: 'LIMITED_DATA_USE' },
    consent: {
      geo: { ipAddress: '203.0.113.7' },
      amazonConsent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED' },
      tcf: 'CPfake-tcf-string',
      gpp: 'DBfake-gpp-string'
    },
    customData: [
      { name: 'product', dataType: 'STRING', value: 'SKU_123' },
      { name: 'price_cents', dataType: 'INTEGER', value: '4999' }
    ]
  };
}

/** The same purchase for the Conversions API v1. */
export function validLegacyEvent(): Record<string, unknown> {
  return {
    name: 'Purchase',
    eventType: 'OFF_AMAZON_PURCHASES',
    eventActionSource: 'WEBSITE',
    countryCode: 'US',
    timestamp: isoAt(NOW - minutes(1)),
    matchKeys: [
      { type: 'EMAIL', values: [EMAIL_SHA256] },
      { type: 'PHONE', values: [sha256('15555550100')] }
    ],
    value: 99.98,
    currencyCode: 'USD',
    unitsSold: 2,
    clientDedupeId: 'order-0001',
    dataProcessingOptions: ['LIMITED_DATA_USE'],
    consent: {
      geo: { ipAddress: '2001:db8::7' },
      amazonConsent: { amznUserData: 'DENIED' }
    },
    customAttributes: [
      { name: 'productId', value: 'SKU 123 / blue' },
      { name: 'brand', value: 'acme' }
    ]
  };
}

export function post(url: string, headers: Record<string, string>, body: unknown): [string, RequestInit] {
  return [url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }];
}

export function tokenForm(overrides: Record<string, string | undefined> = {}): string {
  const fields = withoutUndefined({
    grant_type: 'refresh_token',
    refresh_token: 'Atzr|fake-refresh-token',
    client_id: CLIENT_ID,
    client_secret: 'fake-client-secret',
    ...overrides
  });
  return new URLSearchParams(fields).toString();
}

/** Marks a field to delete in `changed`. */
export const REMOVE = Symbol('remove');

/** A deep copy of `event` with the field at a dotted path (`matchKeys.0.values`) set, or deleted with REMOVE. */
export function changed(event: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(event);
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let parent = copy;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}
