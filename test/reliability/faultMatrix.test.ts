/**
 * DESIGN §6 case by case, end to end: the built action in Adobe's engine, real loopback HTTP to the
 * Amazon stand-in, faults injected there. Each row states what Amazon must have seen (attempts,
 * token requests), how the rule ends, what the Edge trace says, and how long it may take.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import type { EngineHarness } from '../../scripts/engine/harness';
import { errorTraces } from '../../scripts/engine/traces';
import { purchaseRequest, recentEventTime } from '../engine/support';
import { FAKE_ACCESS_TOKEN, FAKE_REFRESH_TOKEN } from '../support/sensitiveValues';
import { purchaseHarness, type Api, type Credentials } from './support';

/** DESIGN §6's 10 s delivery budget, plus room for the engine and a loaded 2-core machine. */
const BUDGET_MS = 10_000;
const MARGIN_MS = 2_000;
/** How Adobe's engine prefixes a failed action's error in the rule's Edge trace. */
const ACTION_FAILED = 'Failed to execute "Send Amazon Web Events API Event". ';

interface Row {
  case: string;
  api: Api;
  credentials: Credentials;
  /** Faults and state changes before the measured run; may run the harness once to warm its token cache. */
  arrange: (standIn: AmazonStandIn, harness: EngineHarness) => Promise<void> | void;
  attempts: number;
  tokenRequests: number;
  status: 'success' | 'failed';
  /** The failed rule's error trace starts with the engine's prefix and holds this message. */
  message?: string;
  /** A lower bound the run must take, when a wait is the point (Retry-After). */
  atLeastMs?: number;
}

const amazon207 = (body: unknown) => (standIn: AmazonStandIn) => standIn.fail({ type: 'status', status: 207, body });

/** First run mints and caches a token; then Amazon expires it, and the records start afresh. */
async function cacheThenExpireMintedToken(standIn: AmazonStandIn, harness: EngineHarness): Promise<void> {
  const [warmUp] = await harness.execute(purchaseRequest(recentEventTime()));
  expect(warmUp?.status).toBe('success');
  standIn.expireAccessToken('Atza|stand-in-1');
  standIn.requests.length = 0;
  standIn.tokenRequests.length = 0;
}

const ROWS: Row[] = [
  {
    case: 'expired access token, refresh credentials: renewed once, then accepted',
    api: 'events',
    credentials: 'renewing',
    arrange: cacheThenExpireMintedToken,
    attempts: 2,
    tokenRequests: 1,
    status: 'success'
  },
  {
    case: 'expired access token, no refresh credentials: fails at once',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.expireAccessToken(FAKE_ACCESS_TOKEN),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message:
      'Amazon rejected the access token (HTTP 401): it is invalid or expired. Update the Access Token secret, ' +
      'or set Refresh Token and Client Secret so the extension renews tokens itself.'
  },
  {
    case: 'revoked refresh token: fails before any event request',
    api: 'events',
    credentials: 'renewing',
    arrange: (standIn) => standIn.revokeRefreshToken(FAKE_REFRESH_TOKEN),
    attempts: 0,
    tokenRequests: 1,
    status: 'failed',
    message:
      'Login with Amazon refused the refresh token (invalid_grant): it was revoked, has expired, or is wrong for this ' +
      'Client ID. Authorise the application again to get a new refresh token, then update the Refresh Token secret.'
  },
  {
    case: '429 with Retry-After: 1: waits a second, then accepted',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 429, retryAfter: '1' }),
    attempts: 2,
    tokenRequests: 0,
    status: 'success',
    atLeastMs: 1_000
  },
  {
    case: '429 asking to wait 30 s, longer than the budget: fails at once, saying when Amazon accepts again',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 429, retryAfter: '30' }),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message: 'Amazon throttled the request (HTTP 429) and asked to wait 30 s before retrying, longer than this event\'s delivery time allows; gave up after 1 attempt.'
  },
  {
    case: '429 without Retry-After: backs off, then accepted',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 429 }),
    attempts: 2,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: '500 then accepted',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 500 }),
    attempts: 2,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: '503 then accepted',
    api: 'legacy',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 503 }),
    attempts: 2,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: '503 three times: fails after exactly 3 attempts',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 503, times: 3 }),
    attempts: 3,
    tokenRequests: 0,
    status: 'failed',
    message: 'Amazon did not accept the event after 3 attempts. Last attempt: HTTP 503 (INTERNAL_SERVER_ERROR: Service Unavailable).'
  },
  {
    case: 'connection reset, then accepted',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'reset' }),
    attempts: 2,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: 'every answer slower than the time limit: gives up inside the budget',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'delay', ms: 15_000, times: 3 }),
    attempts: 2,
    tokenRequests: 0,
    status: 'failed',
    message: 'Gave up after 2 attempts: this event\'s 10 s delivery time is used up. Last attempt: no answer within'
  },
  {
    case: 'malformed JSON in a 207: fails, not retried (the event may have been counted)',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'malformed' }),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message:
      'Amazon answered HTTP 207 with "{"success":[{"index"" instead of its { success, error } JSON; the event\'s fate is unknown.'
  },
  {
    case: '207 with this event (index 0) in error[]: fails with Amazon\'s code, field and message, not retried',
    api: 'events',
    credentials: 'static',
    arrange: amazon207({
      success: [],
      error: [{ index: 0, errors: [{ code: 'BAD_REQUEST', message: 'countryCode is not supported', fieldLocation: 'events[0].countryCode' }] }]
    }),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message: 'Amazon rejected the event: BAD_REQUEST at events[0].countryCode: countryCode is not supported'
  },
  {
    case: '207 with another event (index 1) in error[] and this one (index 0) in success[]: accepted',
    api: 'events',
    credentials: 'static',
    arrange: amazon207({ success: [{ index: 0 }], error: [{ index: 1, errors: [{ code: 'BAD_REQUEST', message: 'not ours' }] }] }),
    attempts: 1,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: 'legacy 207 with this event (index 1, 1-based) in error[]: fails with Amazon\'s sub-errors, not retried',
    api: 'legacy',
    credentials: 'static',
    arrange: amazon207({
      success: [],
      error: [{ index: 1, httpStatusCode: '400', subErrors: [{ errorCode: 400, errorType: 'BAD_REQUEST', errorMessage: 'timestamp is too old' }] }]
    }),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message: 'Amazon rejected the event (HTTP 400): BAD_REQUEST: timestamp is too old'
  },
  {
    case: 'legacy 207 with index 0 in error[] (no such event, 1-based) and this one (index 1) in success[]: accepted',
    api: 'legacy',
    credentials: 'static',
    arrange: amazon207({
      success: [{ index: 1, message: null }],
      error: [{ index: 0, httpStatusCode: '400', subErrors: [{ errorCode: 400, errorType: 'BAD_REQUEST', errorMessage: 'not ours' }] }]
    }),
    attempts: 1,
    tokenRequests: 0,
    status: 'success'
  },
  {
    case: '403: fails at once with Amazon\'s message, not retried',
    api: 'events',
    credentials: 'static',
    arrange: (standIn) => standIn.fail({ type: 'status', status: 403, body: { code: 'FORBIDDEN', message: 'Advertiser account not accessible' } }),
    attempts: 1,
    tokenRequests: 0,
    status: 'failed',
    message: 'Amazon refused access (HTTP 403): FORBIDDEN: Advertiser account not accessible. The Login with Amazon user needs'
  }
];

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

describe('fault matrix: the built action through Adobe\'s engine against the Amazon stand-in', () => {
  it.each(ROWS)('$api, $credentials token: $case', async (row) => {
    const harness = purchaseHarness(standIn, row.api, row.credentials);
    await row.arrange(standIn, harness);

    const startedAt = performance.now();
    const runs = await harness.execute(purchaseRequest(recentEventTime()));
    const elapsedMs = performance.now() - startedAt;

    expect(runs.map((run) => run.status)).toEqual([row.status]);
    expect(standIn.requests).toHaveLength(row.attempts);
    expect(standIn.tokenRequests).toHaveLength(row.tokenRequests);
    // A retry is the same event: one body, one event id, on every attempt.
    expect(new Set(standIn.requests.map((request) => JSON.stringify(request.body))).size).toBe(Math.min(row.attempts, 1));
    // Adobe's fetch wrapper logs a failed fetch (reset, time limit) as an error too; the action's own failure is separate.
    const actionFailures = errorTraces(runs[0]?.logs ?? []).filter((text) => text.startsWith(ACTION_FAILED));
    if (row.status === 'failed') {
      expect(actionFailures).toHaveLength(1);
      expect(actionFailures[0]?.slice(ACTION_FAILED.length)).toContain(row.message);
      expect(runs[0]?.ruleStash).toEqual({});
    } else {
      expect(actionFailures).toEqual([]);
      expect(runs[0]?.ruleStash['amazon-web-events-api']).toMatchObject({ status: 'sent', api: row.api, attempts: row.attempts });
    }
    expect(elapsedMs).toBeLessThanOrEqual(BUDGET_MS + MARGIN_MS);
    if (row.atLeastMs !== undefined) expect(elapsedMs).toBeGreaterThanOrEqual(row.atLeastMs);
  });
});
