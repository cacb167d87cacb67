/**
 * Runs delivery through Adobe's real `utils.fetch` wrapper and real rule logger from
 * @adobe/reactor-turbine-edge 3.0.1 — the code that writes the Edge trace — and checks that what
 * Adobe logs holds no token and no raw IP address, while what reaches the network is exact.
 */
import { createRequire } from 'node:module';
import { beforeEach, expect, it } from 'vitest';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import { deliverEvent } from '../../../src/amazon/transport/deliver';
import type { FetchLike } from '../../../src/amazon/transport/types';
import {
  ACCESS_TOKEN,
  CLIENT_SECRET,
  REFRESH_PAIR,
  RAW_IP,
  FakeClock,
  accepted,
  deliveryRequest,
  eventBodies,
  json,
  minted,
  scriptedFetch
} from './support';

interface AdobeLogEntry {
  attributes: { logLevel: string };
  messages: string[];
}
interface AdobeLogger {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  getJsonLogs(): AdobeLogEntry[];
}
type GetRuleFetchFn = (
  globalFetch: FetchLike,
  headerOverrides: unknown[],
  headersForSubrequests: Record<string, string>,
  logger: AdobeLogger
) => FetchLike;

const require = createRequire(import.meta.url);
const getRuleFetchFn = require('@adobe/reactor-turbine-edge/src/getRuleFetchFn.js') as GetRuleFetchFn;
const createNewLogger = require('@adobe/reactor-turbine-edge/src/createNewLogger.js') as (
  context: object,
  logSensitiveTokens: string[]
) => AdobeLogger;

beforeEach(() => forgetAccessTokens());

function adobeRule(...steps: Parameters<typeof scriptedFetch>) {
  const network = scriptedFetch(...steps);
  // No sensitive tokens registered: a minted token is never one of Adobe's secrets, so redaction
  // must not depend on Adobe's masking.
  const logger = createNewLogger({ ruleId: 'RL-fake' }, []);
  const utilsFetch = getRuleFetchFn(network, [], { 'x-request-id': 'req-fake-1' }, logger);
  const trace = (): string => JSON.stringify(logger.getJsonLogs());
  return { network, logger, utilsFetch, trace };
}

it('Adobe logs the request with Authorization redacted and the IP masked; the network gets it exact', async () => {
  const rule = adobeRule(accepted());
  const { body, bodyForLog } = eventBodies('events');

  await expect(
    deliverEvent(deliveryRequest(), {
      fetch: rule.utilsFetch,
      tokenFetch: scriptedFetch(() => Promise.reject(new Error('unexpected token call'))),
      logger: rule.logger,
      clock: new FakeClock()
    })
  ).resolves.toEqual({ httpStatus: 207, attempts: 1 });

  const sent = rule.network.calls[0]?.init;
  expect(sent?.headers).toStrictEqual({
    Authorization: `Bearer ${ACCESS_TOKEN}`,
    'Amazon-Ads-AccountId': '1234567890',
    'Amazon-Ads-ClientId': 'amzn1.application-oa2-client.fakeclientid',
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'x-request-id': 'req-fake-1'
  });
  expect(sent?.body).toBe(body);

  const fetchEntry = rule.logger.getJsonLogs().find((entry) => entry.messages.includes('FETCH'));
  const messages = fetchEntry?.messages ?? [];
  const loggedOptions = JSON.parse(messages[messages.indexOf('Options') + 1] ?? 'null') as unknown;
  expect(loggedOptions).toStrictEqual({
    method: 'POST',
    headers: {
      Authorization: 'Bearer [redacted]',
      'Amazon-Ads-AccountId': '1234567890',
      'Amazon-Ads-ClientId': 'amzn1.application-oa2-client.fakeclientid',
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'x-request-id': 'req-fake-1'
    },
    body: bodyForLog
  });
  expect(rule.trace()).not.toContain('fake-access-token');
  expect(rule.trace()).not.toContain(RAW_IP);
  expect(rule.trace()).toContain('Amazon Events API attempt 1/3: HTTP 207, event accepted.');
});

it('a minted token, retries and a failure leave no secret in Adobe’s trace', async () => {
  const rule = adobeRule(json(503, { code: 'SERVICE_UNAVAILABLE', message: 'later' }), json(401, {}), accepted());
  const tokenFetch = scriptedFetch(minted('Atza|minted-fake-1'), minted('Atza|minted-fake-2'));
  const ctx = { fetch: rule.utilsFetch, tokenFetch, logger: rule.logger, clock: new FakeClock() };

  await expect(deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx)).resolves.toEqual({
    httpStatus: 207,
    attempts: 3
  });

  expect(rule.network.calls.map((call) => call.init.headers.Authorization)).toStrictEqual([
    'Bearer Atza|minted-fake-1',
    'Bearer Atza|minted-fake-1',
    'Bearer Atza|minted-fake-2'
  ]);
  const trace = rule.trace();
  expect(trace.match(/Bearer \[redacted\]/g)).toHaveLength(3);
  for (const secret of ['minted-fake', 'fake-refresh-token', CLIENT_SECRET, RAW_IP]) expect(trace).not.toContain(secret);
});

it('a network error logged by Adobe carries no secret either', async () => {
  const rule = adobeRule(() => Promise.reject(new TypeError('fetch failed')));
  const ctx = { fetch: rule.utilsFetch, tokenFetch: scriptedFetch(accepted()), logger: rule.logger, clock: new FakeClock() };

  await expect(deliverEvent(deliveryRequest(), ctx)).rejects.toThrow(
    'Amazon did not accept the event after 3 attempts. Last attempt: network error: fetch failed.'
  );
  const errors = rule.logger.getJsonLogs().filter((entry) => entry.attributes.logLevel === 'error');
  expect(errors).toHaveLength(3);
  expect(rule.trace()).not.toContain('fake-access-token');
  expect(rule.trace()).not.toContain(RAW_IP);
});
