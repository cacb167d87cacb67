import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import { deliverEvent } from '../../../src/amazon/transport/deliver';
import { backoffDelay, parseRetryAfter, planRetry } from '../../../src/amazon/transport/retry';
import {
  START,
  accepted,
  connectionReset,
  context,
  deliveryRequest,
  eventBodies,
  hangsForever,
  hangsUntilAborted,
  json,
  scriptedFetch,
  text
} from './support';

const unavailable = json(503, { code: 'SERVICE_UNAVAILABLE', message: 'Try again later' });

beforeEach(() => forgetAccessTokens());

describe('retries at delivery', () => {
  it('429 with Retry-After: 2 waits exactly 2000 ms, then succeeds', async () => {
    const fetch = scriptedFetch(json(429, { code: 'TOO_MANY_REQUESTS', message: 'Rate exceeded' }, { 'Retry-After': '2' }), accepted());
    const ctx = context(fetch);

    await expect(deliverEvent(deliveryRequest(), ctx)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(ctx.clock.completedSleeps).toStrictEqual([2000]);
    expect(ctx.clock.elapsed()).toBe(2000);
    expect(ctx.logger.lines).toStrictEqual([
      {
        level: 'warn',
        text: 'Amazon Events API attempt 1/3: HTTP 429 (TOO_MANY_REQUESTS: Rate exceeded); retrying in 2 s.'
      },
      { level: 'info', text: 'Amazon Events API attempt 2/3: HTTP 207, event accepted.' }
    ]);
  });

  it('429 without Retry-After backs off 250 ms (jitter centred by the fake random)', async () => {
    const fetch = scriptedFetch(text(429, ''), accepted());
    const ctx = context(fetch);

    await expect(deliverEvent(deliveryRequest(), ctx)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(ctx.clock.completedSleeps).toStrictEqual([250]);
  });

  it('429 with a Retry-After beyond the budget fails now and says when to retry', async () => {
    const fetch = scriptedFetch(text(429, '', { 'Retry-After': '30' }), accepted());
    const ctx = context(fetch);
    const promise = deliverEvent(deliveryRequest(), ctx);

    await expect(promise).rejects.toThrow(
      "Amazon throttled the request (HTTP 429) and asked to wait 30 s before retrying, longer than this event's " +
        'delivery time allows; gave up after 1 attempt. Amazon accepts requests again from 2026-12-03T12:00:30.000Z.'
    );
    await expect(promise).rejects.toMatchObject({ code: 'THROTTLED', status: 429, attempts: 1, retriable: true });
    expect(fetch.calls).toHaveLength(1);
    expect(ctx.clock.completedSleeps).toStrictEqual([]);
  });

  it('500 then 207: succeeds on the second attempt after 250 ms', async () => {
    const fetch = scriptedFetch(text(500, 'Internal Server Error'), accepted());
    const ctx = context(fetch);

    await expect(deliverEvent(deliveryRequest(), ctx)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(ctx.clock.completedSleeps).toStrictEqual([250]);
    expect(ctx.logger.lines[0]?.text).toBe(
      'Amazon Events API attempt 1/3: HTTP 500 ("Internal Server Error"); retrying in 250 ms.'
    );
  });

  it('3 × 503: fails after exactly 3 attempts, the same body each time', async () => {
    const fetch = scriptedFetch(unavailable);
    const ctx = context(fetch);
    const promise = deliverEvent(deliveryRequest(), ctx);

    await expect(promise).rejects.toThrow(
      'Amazon did not accept the event after 3 attempts. Last attempt: HTTP 503 (SERVICE_UNAVAILABLE: Try again later).'
    );
    await expect(promise).rejects.toMatchObject({ code: 'RETRIES_EXHAUSTED', status: 503, attempts: 3, retriable: true });
    expect(fetch.calls).toHaveLength(3);
    expect(new Set(fetch.calls.map((call) => call.init.body))).toStrictEqual(new Set([eventBodies('events').body]));
    expect(ctx.clock.completedSleeps).toStrictEqual([250, 1000]);
    expect(ctx.logger.lines.map((line) => line.text)).toStrictEqual([
      'Amazon Events API attempt 1/3: HTTP 503 (SERVICE_UNAVAILABLE: Try again later); retrying in 250 ms.',
      'Amazon Events API attempt 2/3: HTTP 503 (SERVICE_UNAVAILABLE: Try again later); retrying in 1 s.',
      'Amazon Events API attempt 3/3: HTTP 503 (SERVICE_UNAVAILABLE: Try again later); not retried.'
    ]);
  });

  it('a connection reset, then success', async () => {
    const fetch = scriptedFetch(connectionReset, accepted());
    const ctx = context(fetch);

    await expect(deliverEvent(deliveryRequest(), ctx)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(ctx.logger.lines[0]?.text).toBe(
      'Amazon Events API attempt 1/3: network error: fetch failed (ECONNRESET); retrying in 250 ms.'
    );
  });

  it('three network errors: says so after 3 attempts', async () => {
    const promise = deliverEvent(deliveryRequest(), context(scriptedFetch(connectionReset)));

    await expect(promise).rejects.toThrow(
      'Amazon did not accept the event after 3 attempts. Last attempt: network error: fetch failed (ECONNRESET).'
    );
    await expect(promise).rejects.toMatchObject({ attempts: 3, status: undefined });
  });

  it.each([
    ['aborts on its signal', hangsUntilAborted],
    ['ignores its signal', hangsForever]
  ])('a slow answer that %s is cut off, and the whole delivery stays within 10 s', async (_, step) => {
    const fetch = scriptedFetch(step);
    const ctx = context(fetch);
    const promise = deliverEvent(deliveryRequest(), ctx);

    await expect(promise).rejects.toThrow(
      "Gave up after 2 attempts: this event's 10 s delivery time is used up. Last attempt: no answer within 4.8 s."
    );
    await expect(promise).rejects.toMatchObject({ code: 'TIME_BUDGET_EXHAUSTED', attempts: 2 });
    expect(ctx.clock.completedSleeps).toStrictEqual([5000, 250, 4750]);
    expect(ctx.clock.elapsed()).toBe(10_000);
    expect(fetch.calls.every((call) => call.init.signal?.aborted === true)).toBe(true);
  });

  it('a slow answer, then a quick one: succeeds within the budget', async () => {
    const fetch = scriptedFetch(hangsUntilAborted, accepted());
    const ctx = context(fetch);

    await expect(deliverEvent(deliveryRequest(), ctx)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(ctx.clock.elapsed()).toBe(5250);
    expect(ctx.logger.lines[0]?.text).toBe('Amazon Events API attempt 1/3: no answer within 5 s; retrying in 250 ms.');
  });

  it.each([400, 403, 404, 422])('never retries HTTP %i', async (status) => {
    const fetch = scriptedFetch(json(status, { code: 'X', message: 'no' }), accepted());

    await expect(deliverEvent(deliveryRequest(), context(fetch))).rejects.toMatchObject({ status, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('never retries a 207 that rejects the event', async () => {
    const fetch = scriptedFetch(
      json(207, { success: [], error: [{ index: 0, errors: [{ code: 'BAD_REQUEST', message: 'Invalid' }] }] }),
      accepted()
    );

    await expect(deliverEvent(deliveryRequest(), context(fetch))).rejects.toMatchObject({ attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('a 401 renewal counts as an attempt: 503, 503, then 401 leaves none', async () => {
    const tokenFetch = scriptedFetch(json(200, { access_token: 'Atza|minted-1', expires_in: 3600 }));
    const fetch = scriptedFetch(unavailable, unavailable, json(401, { code: 'UNAUTHORIZED', message: 'expired' }));
    const promise = deliverEvent(
      deliveryRequest({ credentials: { refreshToken: 'Atzr|fake-refresh-token', clientSecret: 'fake-client-secret-0000' } }),
      context(fetch, { tokenFetch })
    );

    await expect(promise).rejects.toThrow(
      'Amazon did not accept the event after 3 attempts. Last attempt: HTTP 401 (UNAUTHORIZED: expired).'
    );
    expect(fetch.calls).toHaveLength(3);
  });
});

describe('retry policy', () => {
  it('backs off ~250 ms then ~1 s, ±20 % jitter', () => {
    expect([0, 0.5, 0.999999].map((random) => backoffDelay(1, random))).toStrictEqual([200, 250, 300]);
    expect([0, 0.5, 0.999999].map((random) => backoffDelay(2, random))).toStrictEqual([800, 1000, 1200]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2', START)).toBe(2000);
    expect(parseRetryAfter(' 0 ', START)).toBe(0);
    expect(parseRetryAfter('1.5', START)).toBe(1500);
    expect(parseRetryAfter('Thu, 03 Dec 2026 12:00:07 GMT', START)).toBe(7000);
    expect(parseRetryAfter('Thu, 03 Dec 2026 11:59:00 GMT', START)).toBe(0);
    expect(parseRetryAfter(null, START)).toBeUndefined();
    expect(parseRetryAfter('soon', START)).toBeUndefined();
    expect(parseRetryAfter('-5', START)).toBeUndefined();
  });

  it('plans no wait that would leave less than 1 s for the next attempt', () => {
    const deadline = START + 10_000;
    const ask = (attempt: number, now: number, retryAfterMs?: number) =>
      planRetry({ attempt, retryAfterMs, now, deadline, random: 0.5 });

    expect(ask(1, START)).toStrictEqual({ retry: true, waitMs: 250 });
    expect(ask(2, START + 7_999)).toStrictEqual({ retry: true, waitMs: 1000 });
    expect(ask(2, START + 8_001)).toStrictEqual({ retry: false, reason: 'budget', waitMs: 1000 });
    expect(ask(1, START, 9_000)).toStrictEqual({ retry: true, waitMs: 9_000 });
    expect(ask(1, START, 9_001)).toStrictEqual({ retry: false, reason: 'retry-after', waitMs: 9_001 });
    expect(ask(3, START)).toStrictEqual({ retry: false, reason: 'attempts', waitMs: 1000 });
  });
});
