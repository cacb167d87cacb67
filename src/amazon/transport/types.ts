/**
 * The seam between the pure payload builder and the network. The action hands a finished request
 * to `deliverEvent` (./deliver.ts); everything about tokens, retries and Amazon's answers lives
 * behind it.
 */
import type { ApiName, Region } from '../endpoints';

/** What `utils.fetch` and the global `fetch` look like to us. Headers are always a plain object:
 *  Adobe's fetch wrapper spreads `init.headers`, so a `Headers` instance would lose them. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
}
export type FetchLike = (url: string, init: FetchInit) => Promise<Response>;

/** `utils.logger` (Adobe edge): messages end up in the rule's trace entries. */
export interface Logger {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** Time and randomness, injectable so retry tests run on a fake clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (so a cancelled timeout holds no timer). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export interface AmazonCredentials {
  /** Login with Amazon client id (also sent as the client-id header). */
  clientId: string;
  /** A ready access token; used when no refresh pair is configured. */
  accessToken?: string;
  /** With `clientSecret`: mint and cache access tokens at Login with Amazon. */
  refreshToken?: string;
  clientSecret?: string;
}

export interface DeliveryRequest {
  api: ApiName;
  region: Region;
  advertiserId: string;
  credentials: AmazonCredentials;
  /** The JSON request body, exactly as it is sent (one event). */
  body: string;
  /** The same body with personal values that are sent raw (the IP address) masked: what traces show. */
  bodyForLog: string;
}

export interface DeliveryContext {
  /** `utils.fetch`: the Events API call, so it shows (redacted) in Adobe's Edge trace. */
  fetch: FetchLike;
  /** The global `fetch`: Login with Amazon token calls, whose bodies carry secrets, stay out of traces. */
  tokenFetch: FetchLike;
  logger: Logger;
  clock?: Clock;
}

export interface DeliveryResult {
  /** Amazon's HTTP status for the attempt that succeeded (207 for a processed request). */
  httpStatus: number;
  /** Requests made to the Events API, retries included. */
  attempts: number;
}
