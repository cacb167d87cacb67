/**
 * Access tokens for the Events API. With a Login with Amazon refresh token and client secret, the
 * extension mints tokens itself (they live about an hour): minted tokens are cached in module
 * memory per credentials until 60 s before they expire, and concurrent events share one renewal
 * (single flight). A failed renewal is not cached, so the next event tries again. Without the
 * pair, the configured access token is used as it is.
 *
 * Token requests use the global fetch, not Adobe's `utils.fetch`: their bodies carry the refresh
 * token and client secret, and Adobe's wrapper would log them into the Edge trace.
 */
import { LWA_TOKEN_URLS, type Region } from '../endpoints';
import { withTimeLimit, TimeLimitExceeded } from './clock';
import { AmazonDeliveryError, describeNoAnswer } from './errors';
import { isRecord, parseJson } from './json';
import type { Redactor } from './redact';
import { tokenRequestInit, type TokenRequestParts } from './request';
import type { AmazonCredentials, Clock, FetchLike, Logger } from './types';

/** Renew this long before Login with Amazon's stated expiry, as Amazon's own client does. */
export const RENEW_BEFORE_EXPIRY_MS = 60_000;
/** One token request's limit (further bounded by what is left of the delivery budget). */
export const TOKEN_TIME_LIMIT_MS = 5_000;
/** Credentials rarely change; this only bounds memory if a property cycles through many. */
const MAX_CACHED_CREDENTIALS = 16;

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

const cachedTokens = new Map<string, CachedToken>();
const renewals = new Map<string, Promise<string>>();

/** Forgets every cached and in-flight token: for tests, and for local runs that switch accounts. */
export function forgetAccessTokens(): void {
  cachedTokens.clear();
  renewals.clear();
}

export interface TokenContext {
  tokenFetch: FetchLike;
  logger: Logger;
  clock: Clock;
  /** Delivery deadline (clock time): token requests and waits never run past it. */
  deadline: number;
  redactor: Redactor;
}

export type AccessTokens =
  | { readonly renewable: false; readonly accessToken: string }
  | {
      readonly renewable: true;
      /** A valid token: cached, joined from a renewal in flight, or newly minted. */
      current(): Promise<string>;
      /** After Amazon rejected `rejected` (401): a different token, renewing unless another event already did. */
      replace(rejected: string): Promise<string>;
    };

export function accessTokensFor(region: Region, credentials: AmazonCredentials, context: TokenContext): AccessTokens {
  const refreshToken = credentials.refreshToken?.trim() ?? '';
  const clientSecret = credentials.clientSecret?.trim() ?? '';
  const clientId = credentials.clientId.trim();
  if (refreshToken !== '' && clientSecret !== '') {
    if (clientId === '') {
      throw new AmazonDeliveryError(
        'Cannot renew the access token: the Client ID is empty. Enter the Login with Amazon client ID in the extension configuration.',
        { code: 'MISSING_CREDENTIALS', attempts: 0, retriable: false }
      );
    }
    const parts: TokenRequestParts = { refreshToken, clientId, clientSecret };
    const key = JSON.stringify([region, clientId, refreshToken, clientSecret]);
    return {
      renewable: true,
      current: () => cachedOrRenewed(key, region, parts, context),
      replace: (rejected) => {
        if (cachedTokens.get(key)?.accessToken === rejected) cachedTokens.delete(key);
        return cachedOrRenewed(key, region, parts, context);
      }
    };
  }
  const accessToken = credentials.accessToken?.trim() ?? '';
  if (accessToken === '') {
    throw new AmazonDeliveryError(
      'No access token to send: set Access Token, or Refresh Token and Client Secret, in the extension configuration.',
      { code: 'MISSING_CREDENTIALS', attempts: 0, retriable: false }
    );
  }
  return { renewable: false, accessToken };
}

function cachedOrRenewed(key: string, region: Region, parts: TokenRequestParts, context: TokenContext): Promise<string> {
  const cached = cachedTokens.get(key);
  if (cached !== undefined) {
    if (context.clock.now() < cached.expiresAt - RENEW_BEFORE_EXPIRY_MS) return Promise.resolve(cached.accessToken);
    cachedTokens.delete(key);
  }
  let renewal = renewals.get(key);
  if (renewal === undefined) {
    renewal = mint(key, region, parts, context).finally(() => renewals.delete(key));
    renewals.set(key, renewal);
    return renewal;
  }
  return joinRenewal(renewal, region, context);
}

/** Waits for another event's renewal, but no longer than this delivery's own budget allows. */
async function joinRenewal(renewal: Promise<string>, region: Region, context: TokenContext): Promise<string> {
  const left = context.deadline - context.clock.now();
  try {
    return await withTimeLimit(context.clock, left, () => renewal);
  } catch (error) {
    if (error instanceof TimeLimitExceeded) throw unreachable(region, error, context.redactor);
    throw error;
  }
}

async function mint(key: string, region: Region, parts: TokenRequestParts, context: TokenContext): Promise<string> {
  const { clock, redactor } = context;
  const startedAt = clock.now();
  const limit = Math.min(TOKEN_TIME_LIMIT_MS, context.deadline - startedAt);
  let answer: { status: number; text: string };
  try {
    answer = await withTimeLimit(clock, limit, async (signal) => {
      const response = await context.tokenFetch(LWA_TOKEN_URLS[region], tokenRequestInit(parts, signal));
      return { status: response.status, text: await response.text() };
    });
  } catch (error) {
    throw unreachable(region, error, redactor);
  }
  if (answer.status !== 200) throw refused(answer, redactor);

  const json = parseJson(answer.text);
  const accessToken = isRecord(json) && typeof json.access_token === 'string' ? json.access_token.trim() : '';
  if (accessToken === '') {
    throw new AmazonDeliveryError(
      `Login with Amazon answered HTTP 200 without an access token: "${redactor.excerpt(answer.text)}".`,
      { code: 'TOKEN_REFRESH_FAILED', attempts: 0, retriable: true, status: 200 }
    );
  }
  const lifetimeSeconds = isRecord(json) ? Number(json.expires_in) : Number.NaN;
  if (Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0) {
    remember(key, { accessToken, expiresAt: startedAt + lifetimeSeconds * 1000 });
    context.logger.info(`Renewed the Login with Amazon access token (${region}); it is valid for ${lifetimeSeconds} s.`);
  } else {
    // Without a stated lifetime there is no safe expiry to cache it until: use it for this event only.
    context.logger.info(`Renewed the Login with Amazon access token (${region}); no lifetime given, so it is not cached.`);
  }
  return accessToken;
}

function remember(key: string, token: CachedToken): void {
  cachedTokens.delete(key);
  cachedTokens.set(key, token);
  const oldest = cachedTokens.keys().next();
  if (cachedTokens.size > MAX_CACHED_CREDENTIALS && oldest.done !== true) cachedTokens.delete(oldest.value);
}

function unreachable(region: Region, error: unknown, redactor: Redactor): AmazonDeliveryError {
  const host = new URL(LWA_TOKEN_URLS[region]).host;
  return new AmazonDeliveryError(
    `Could not reach Login with Amazon (${host}) to renew the access token: ${redactor.apply(describeNoAnswer(error))}.`,
    { code: 'TOKEN_REFRESH_FAILED', attempts: 0, retriable: true }
  );
}

/** Login with Amazon's OAuth errors (`{ error, error_description }`) as what the user must fix. */
function refused(answer: { status: number; text: string }, redactor: Redactor): AmazonDeliveryError {
  const { status } = answer;
  const json = parseJson(answer.text);
  const code = isRecord(json) && typeof json.error === 'string' ? json.error : undefined;
  const details = { code: 'TOKEN_REFRESH_FAILED' as const, attempts: 0, status, ...(code === undefined ? {} : { amazonCode: code }) };

  if (code === 'invalid_grant') {
    return new AmazonDeliveryError(
      'Login with Amazon refused the refresh token (invalid_grant): it was revoked, has expired, or is wrong for this ' +
        'Client ID. Authorise the application again to get a new refresh token, then update the Refresh Token secret.',
      { ...details, retriable: false }
    );
  }
  if (code === 'invalid_client') {
    return new AmazonDeliveryError(
      'Login with Amazon refused the client credentials (invalid_client): the Client ID or the Client Secret is wrong. ' +
        'Copy both again from the Login with Amazon security profile.',
      { ...details, retriable: false }
    );
  }
  if (status === 429 || status >= 500) {
    return new AmazonDeliveryError(
      `Login with Amazon could not renew the access token (HTTP ${status}); this is usually temporary, try again later.`,
      { ...details, retriable: true }
    );
  }
  const description = isRecord(json) && typeof json.error_description === 'string' ? json.error_description : answer.text;
  const said = description.trim() === '' ? '' : `: ${redactor.excerpt(description)}`;
  return new AmazonDeliveryError(
    `Login with Amazon refused to renew the access token (HTTP ${status}${code === undefined ? '' : `, ${code}`})${said}`,
    { ...details, retriable: false }
  );
}

