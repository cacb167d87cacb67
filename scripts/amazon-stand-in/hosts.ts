/**
 * Which Amazon endpoint a stand-in request addresses. The region comes from the host, as it does at
 * Amazon: each region has its own Ads API host and its own Login with Amazon host.
 */
import type { AmazonHost } from './route';

export type AmazonRegion = 'NA' | 'EU' | 'FE';
export type EventsApiName = 'events' | 'legacy';

export const EVENTS_API_PATH = '/adsApi/v1/create/events';
export const LEGACY_API_PATH = '/events/v1';
export const TOKEN_PATH = '/auth/o2/token';

const HOST_REGIONS: Readonly<Record<AmazonHost, { kind: 'ads' | 'lwa'; region: AmazonRegion }>> = {
  'advertising-api.amazon.com': { kind: 'ads', region: 'NA' },
  'advertising-api-eu.amazon.com': { kind: 'ads', region: 'EU' },
  'advertising-api-fe.amazon.com': { kind: 'ads', region: 'FE' },
  'api.amazon.com': { kind: 'lwa', region: 'NA' },
  'api.amazon.co.uk': { kind: 'lwa', region: 'EU' },
  'api.amazon.co.jp': { kind: 'lwa', region: 'FE' }
};

export type Endpoint =
  | { kind: 'events'; api: EventsApiName; region: AmazonRegion }
  | { kind: 'token'; region: AmazonRegion };

/** The endpoint at `host` + `path`, or undefined when Amazon has nothing there (a 404). */
export function identifyEndpoint(host: AmazonHost, path: string): Endpoint | undefined {
  const { kind, region } = HOST_REGIONS[host];
  if (kind === 'ads' && path === EVENTS_API_PATH) return { kind: 'events', api: 'events', region };
  if (kind === 'ads' && path === LEGACY_API_PATH) return { kind: 'events', api: 'legacy', region };
  if (kind === 'lwa' && path === TOKEN_PATH) return { kind: 'token', region };
  return undefined;
}
