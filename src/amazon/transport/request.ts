/**
 * The fetch `init` objects delivery sends. Adobe's `utils.fetch` logs `JSON.stringify(init)` into
 * the Edge trace (method, every header, the body) and merges its own headers into `init.headers`.
 * A non-enumerable `toJSON` makes what Adobe logs the log-safe view of the request — Authorization
 * redacted, personal values masked — while the object fetch reads stays exact.
 */
import { ACCOUNT_ID_HEADER, API_PROFILES, type ApiName } from '../endpoints';
import type { FetchInit } from './types';

export const REDACTED_AUTHORIZATION = 'Bearer [redacted]';

export interface EventsRequestParts {
  api: ApiName;
  accessToken: string;
  advertiserId: string;
  clientId: string;
  body: string;
  bodyForLog: string;
}

export function eventsRequestInit(parts: EventsRequestParts, signal: AbortSignal): FetchInit {
  const init: FetchInit = {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${parts.accessToken}`,
      [ACCOUNT_ID_HEADER]: parts.advertiserId,
      [API_PROFILES[parts.api].clientIdHeader]: parts.clientId,
      'Content-Type': 'application/json',
      Accept: 'application/json'
    },
    body: parts.body,
    signal
  };
  return withLogView(init, parts.bodyForLog);
}

export interface TokenRequestParts {
  refreshToken: string;
  clientId: string;
  clientSecret: string;
}

/** Login with Amazon refresh-token grant. No Authorization header: the credentials are the form. */
export function tokenRequestInit(parts: TokenRequestParts, signal: AbortSignal): FetchInit {
  const form = (refreshToken: string, clientSecret: string): string =>
    new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: parts.clientId,
      client_secret: clientSecret
    }).toString();
  const init: FetchInit = {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: form(parts.refreshToken, parts.clientSecret),
    signal
  };
  // Token calls go through the global fetch, which logs nothing; this view only matters if a
  // logging fetch is ever passed in by mistake.
  return withLogView(init, form('[redacted]', '[redacted]'));
}

function withLogView(init: FetchInit, bodyForLog: string): FetchInit {
  Object.defineProperty(init, 'toJSON', {
    enumerable: false,
    // Reads `this.headers` when serialised, so headers Adobe merged in after creation show too.
    value(this: FetchInit) {
      return { method: this.method, headers: redactAuthorization(this.headers), body: bodyForLog };
    }
  });
  return init;
}

function redactAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      name.toLowerCase() === 'authorization' ? REDACTED_AUTHORIZATION : value
    ])
  );
}
