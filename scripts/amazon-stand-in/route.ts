/**
 * Development-only routing from Amazon's real hosts to the local stand-in. Production code never
 * sees a configurable endpoint; local runs and tests wrap `fetch` with `routeToStandIn` so that
 * https://advertising-api-eu.amazon.com/adsApi/v1/create/events becomes
 * http://127.0.0.1:<port>/advertising-api-eu.amazon.com/adsApi/v1/create/events.
 * The first path segment tells the stand-in which Amazon host (and so which region) was called.
 */
export const AMAZON_HOSTS = [
  'advertising-api.amazon.com',
  'advertising-api-eu.amazon.com',
  'advertising-api-fe.amazon.com',
  'api.amazon.com',
  'api.amazon.co.uk',
  'api.amazon.co.jp'
] as const;
export type AmazonHost = (typeof AMAZON_HOSTS)[number];

/** The stand-in URL for an Amazon URL, or undefined when the URL is not an Amazon host we know. */
export function routeToStandIn(url: string, standInBaseUrl: string): string | undefined {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' || !(AMAZON_HOSTS as readonly string[]).includes(parsed.hostname)) return undefined;
  return `${standInBaseUrl.replace(/\/$/, '')}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

/** Splits a stand-in request path back into the Amazon host and the path Amazon would have seen. */
export function parseStandInPath(path: string): { host: AmazonHost; path: string } | undefined {
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (!match || !(AMAZON_HOSTS as readonly string[]).includes(match[1] ?? '')) return undefined;
  return { host: match[1] as AmazonHost, path: match[2] ?? '/' };
}
