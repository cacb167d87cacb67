import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in/index';
import { BASES, EVENTS_PATH, NOW, TOKEN_URLS, eventsApiHeaders, post, tokenForm, validEventsApiEvent } from './fixtures';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

const VALID_ANSWER = { success: [{ index: 0 }], error: [] };

function sendEvent(init: Partial<RequestInit> = {}): Promise<Response> {
  const [url, base] = post(BASES.NA + EVENTS_PATH, eventsApiHeaders(), { events: [validEventsApiEvent()] });
  return standIn.fetch(url, { ...base, ...init });
}

function requestToken(): Promise<Response> {
  return standIn.fetch(TOKEN_URLS.NA, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: tokenForm()
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('status faults', () => {
  it('answers an injected 429 with Retry-After and an Amazon-shaped body, once', async () => {
    standIn.fail({ type: 'status', status: 429, retryAfter: '2' });
    const throttled = await sendEvent();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(await throttled.json()).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too Many Requests' });
    const next = await sendEvent();
    expect([next.status, await next.json()]).toEqual([207, VALID_ANSWER]);
  });

  it('sends no Retry-After unless one is injected', async () => {
    standIn.fail({ type: 'status', status: 503 });
    const unavailable = await sendEvent();
    expect(unavailable.headers.get('retry-after')).toBeNull();
    expect([unavailable.status, await unavailable.json()]).toEqual([503, { code: 'INTERNAL_SERVER_ERROR', message: 'Service Unavailable' }]);
  });

  it.each([
    [400, { code: 'BAD_REQUEST', message: 'Bad Request' }],
    [401, { code: 'UNAUTHORIZED', message: 'Unauthorized' }],
    [403, { code: 'FORBIDDEN', message: 'Forbidden' }],
    [500, { code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' }]
  ])('gives an injected %i the matching default body', async (status, body) => {
    standIn.fail({ type: 'status', status });
    const response = await sendEvent();
    expect([response.status, await response.json()]).toEqual([status, body]);
  });

  it('answers an injected success status with an empty answer', async () => {
    standIn.fail({ type: 'status', status: 207 });
    standIn.fail({ type: 'status', status: 200, target: 'token' });
    const events = await sendEvent();
    expect([events.status, await events.json()]).toEqual([207, { success: [], error: [] }]);
    const token = await requestToken();
    expect([token.status, await token.json()]).toEqual([200, {}]);
  });

  it('sends a given body and repeats the fault the given number of times', async () => {
    const body = { code: 'INTERNAL_SERVER_ERROR', message: 'fake outage' };
    standIn.fail({ type: 'status', status: 500, body, times: 2 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) statuses.push((await sendEvent()).status);
    expect(statuses).toEqual([500, 500, 207]);
    expect(standIn.requests.map((request) => [request.status, request.response])).toEqual([
      [500, body],
      [500, body],
      [207, VALID_ANSWER]
    ]);
  });

  it('applies faults in the order they were queued', async () => {
    standIn.fail({ type: 'status', status: 502 });
    standIn.fail({ type: 'status', status: 429 });
    expect([(await sendEvent()).status, (await sendEvent()).status, (await sendEvent()).status]).toEqual([502, 429, 207]);
  });

  it('applies a fault before any validation', async () => {
    standIn.fail({ type: 'status', status: 500 });
    const unauthenticated = await sendEvent({ headers: eventsApiHeaders({ Authorization: undefined }) });
    expect(unauthenticated.status).toBe(500);
  });

  it('keeps events faults away from token requests and the other way round', async () => {
    standIn.fail({ type: 'status', status: 503, target: 'token' });
    expect((await sendEvent()).status).toBe(207);
    const token = await requestToken();
    expect([token.status, await token.json()]).toEqual([
      503,
      { error: 'temporarily_unavailable', error_description: 'Service Unavailable' }
    ]);
    expect(standIn.tokenRequests.map((request) => request.status)).toEqual([503]);
    expect((await requestToken()).status).toBe(200);
  });

  it.each([
    [400, 'invalid_request'],
    [401, 'invalid_client'],
    [500, 'server_error']
  ])('gives an injected token %i the OAuth error %s', async (status, error) => {
    standIn.fail({ type: 'status', status, target: 'token' });
    const token = await requestToken();
    expect(await token.json()).toMatchObject({ error });
  });

  it('refuses a fault that could never apply', () => {
    expect(() => standIn.fail({ type: 'status', status: 500, times: 0 })).toThrow('A fault needs times ≥ 1');
    expect(() => standIn.fail({ type: 'status', status: 99 })).toThrow('A fault status must be an HTTP status from 200 to 599');
  });
});

describe('connection faults', () => {
  it('destroys the socket on a reset, records no answer, then serves normally', async () => {
    standIn.fail({ type: 'reset' });
    await expect(sendEvent()).rejects.toThrow('fetch failed');
    expect(standIn.requests.map((request) => [request.status, request.response])).toEqual([[0, undefined]]);
    expect((await sendEvent()).status).toBe(207);
  });

  it('resets token requests too', async () => {
    standIn.fail({ type: 'reset', target: 'token' });
    await expect(requestToken()).rejects.toThrow('fetch failed');
    expect(standIn.tokenRequests.map((request) => request.status)).toEqual([0]);
  });

  it('answers normally after a delay', async () => {
    standIn.fail({ type: 'delay', ms: 20 });
    const response = await sendEvent();
    expect([response.status, await response.json()]).toEqual([207, VALID_ANSWER]);
  });

  it('holds the answer back during the delay, so a client timeout fires first', async () => {
    standIn.fail({ type: 'delay', ms: 60_000 });
    const timeout = new AbortController();
    const pending = sendEvent({ signal: timeout.signal });
    await waitFor(() => standIn.requests.length === 1);
    expect(standIn.requests[0]?.status).toBe(0);
    timeout.abort();
    await expect(pending).rejects.toThrow('This operation was aborted');
  });

  it('sends cut-off JSON with the success status for a malformed answer', async () => {
    standIn.fail({ type: 'malformed' });
    const response = await sendEvent();
    expect(response.status).toBe(207);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"success":[{"index"');
    expect(standIn.requests[0]?.response).toBe('{"success":[{"index"');
  });

  it('sends a malformed body with a given status, and a 200 for tokens by default', async () => {
    standIn.fail({ type: 'malformed', status: 502 });
    standIn.fail({ type: 'malformed', target: 'token' });
    const events = await sendEvent();
    expect(events.status).toBe(502);
    await expect(events.json()).rejects.toThrow(SyntaxError);
    const token = await requestToken();
    expect(token.status).toBe(200);
    await expect(token.json()).rejects.toThrow(SyntaxError);
  });
});
