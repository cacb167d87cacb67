import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in/index';
import {
  ACCESS_TOKEN,
  ACCOUNT_ID,
  BASES,
  CLIENT_ID,
  EVENTS_PATH,
  LEGACY_PATH,
  NOW,
  TOKEN_URLS,
  eventsApiHeaders,
  post,
  tokenForm,
  validEventsApiEvent
} from './fixtures';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe('the stand-in fetch', () => {
  it('binds to 127.0.0.1 on a free port', () => {
    expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a host that is not Amazon', async () => {
    await expect(standIn.fetch('https://example.com/adsApi/v1/create/events', { method: 'POST', body: '{}' })).rejects.toThrow(
      'The Amazon stand-in only serves https Amazon Ads and Login with Amazon hosts; refusing https://example.com'
    );
    expect(standIn.requests).toEqual([]);
  });

  it('refuses an Amazon host over plain http', async () => {
    await expect(standIn.fetch(`http://advertising-api.amazon.com${EVENTS_PATH}`)).rejects.toThrow(
      'The Amazon stand-in only serves https Amazon Ads and Login with Amazon hosts; refusing http://advertising-api.amazon.com'
    );
  });

  it('takes a Request object as well as a URL string', async () => {
    const request = new Request(new URL(BASES.FE + EVENTS_PATH), {
      method: 'POST',
      headers: eventsApiHeaders(),
      body: JSON.stringify({ events: [validEventsApiEvent()] })
    });
    const response = await standIn.fetch(request);
    expect([response.status, await response.json()]).toEqual([207, { success: [{ index: 0 }], error: [] }]);
    expect(standIn.requests[0]?.region).toBe('FE');
  });

  it('serves plain HTTP sent straight to its URL with the Amazon host as the first path segment', async () => {
    const response = await fetch(`${standIn.url}/advertising-api-eu.amazon.com${EVENTS_PATH}`, {
      method: 'POST',
      headers: eventsApiHeaders(),
      body: JSON.stringify({ events: [validEventsApiEvent()] })
    });
    expect(response.status).toBe(207);
    expect(standIn.requests[0]).toMatchObject({ api: 'events', region: 'EU', host: 'advertising-api-eu.amazon.com' });
  });
});

describe('paths and methods', () => {
  it.each([
    ['an unknown host segment', '/example.com/events/v1', 'No Amazon endpoint at /example.com/events/v1'],
    ['an unknown path on an Ads API host', '/advertising-api.amazon.com/v2/profiles', 'No Amazon endpoint at /advertising-api.amazon.com/v2/profiles'],
    ['the token path on an Ads API host', '/advertising-api.amazon.com/auth/o2/token', 'No Amazon endpoint at /advertising-api.amazon.com/auth/o2/token'],
    ['an events path on a Login with Amazon host', '/api.amazon.com/events/v1', 'No Amazon endpoint at /api.amazon.com/events/v1'],
    ['the bare root', '/', 'No Amazon endpoint at /']
  ])('answers 404 for %s', async (_case, path, message) => {
    const response = await fetch(standIn.url + path, { method: 'POST', body: '{}' });
    expect([response.status, await response.json()]).toEqual([404, { code: 'NOT_FOUND', message }]);
    expect(standIn.requests).toEqual([]);
  });

  it.each([
    ['the Events API', BASES.NA + EVENTS_PATH],
    ['the v1 API', BASES.NA + LEGACY_PATH],
    ['the token endpoint', TOKEN_URLS.NA]
  ])('answers 405 with Allow: POST for a GET on %s', async (_case, url) => {
    const response = await standIn.fetch(url);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ code: 'METHOD_NOT_ALLOWED', message: 'Use POST' });
  });
});

describe('records', () => {
  it('records an Events API request with lower-cased headers, parsed body and the answer', async () => {
    const body = { events: [validEventsApiEvent()] };
    await standIn.fetch(...post(BASES.NA + EVENTS_PATH, eventsApiHeaders(), body));
    expect(standIn.requests).toHaveLength(1);
    const [recorded] = standIn.requests;
    expect(recorded).toMatchObject({
      api: 'events',
      region: 'NA',
      host: 'advertising-api.amazon.com',
      path: EVENTS_PATH,
      body,
      status: 207,
      response: { success: [{ index: 0 }], error: [] }
    });
    expect(recorded?.headers).toMatchObject({
      authorization: `Bearer ${ACCESS_TOKEN}`,
      'amazon-ads-accountid': ACCOUNT_ID,
      'amazon-ads-clientid': CLIENT_ID,
      'content-type': 'application/json'
    });
  });

  it('records a body that is not JSON as its raw text, with the 400 answer', async () => {
    await standIn.fetch(...post(BASES.EU + LEGACY_PATH, eventsApiHeaders(), 'not json'));
    expect(standIn.requests.map(({ api, region, body, status }) => ({ api, region, body, status }))).toEqual([
      { api: 'legacy', region: 'EU', body: 'not json', status: 400 }
    ]);
  });

  it('records in arrival order, events and token requests apart', async () => {
    await standIn.fetch(...post(BASES.NA + LEGACY_PATH, eventsApiHeaders(), {}));
    await standIn.fetch(TOKEN_URLS.FE, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: tokenForm() });
    await standIn.fetch(...post(BASES.FE + EVENTS_PATH, eventsApiHeaders(), {}));
    expect(standIn.requests.map((request) => `${request.api} ${request.region}`)).toEqual(['legacy NA', 'events FE']);
    expect(standIn.tokenRequests.map((request) => `${request.host} ${request.status}`)).toEqual(['api.amazon.co.jp 200']);
  });

  it('reset clears records, faults, expiries, revocations and the token counter', async () => {
    const tokenRequest = (): Promise<Response> =>
      standIn.fetch(TOKEN_URLS.NA, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: tokenForm() });
    await tokenRequest();
    await standIn.fetch(...post(BASES.NA + EVENTS_PATH, eventsApiHeaders(), { events: [validEventsApiEvent()] }));
    const heldRequests = standIn.requests;
    standIn.fail({ type: 'status', status: 500, times: 5 });
    standIn.expireAccessToken(ACCESS_TOKEN);
    standIn.revokeRefreshToken('Atzr|fake-refresh-token');

    standIn.reset();

    expect(standIn.requests).toEqual([]);
    expect(standIn.tokenRequests).toEqual([]);
    expect(heldRequests).toBe(standIn.requests);
    expect(await (await tokenRequest()).json()).toMatchObject({ access_token: 'Atza|stand-in-1' });
    const event = await standIn.fetch(...post(BASES.NA + EVENTS_PATH, eventsApiHeaders(), { events: [validEventsApiEvent()] }));
    expect(event.status).toBe(207);
  });

  it('reports each answered request to the onRequest and onTokenRequest hooks', async () => {
    const seen: string[] = [];
    const observed = await startAmazonStandIn({
      now: () => NOW,
      onRequest: (request) => seen.push(`${request.api} ${request.status}`),
      onTokenRequest: (request) => seen.push(`token ${request.status}`)
    });
    try {
      await observed.fetch(...post(BASES.NA + EVENTS_PATH, eventsApiHeaders(), { events: [validEventsApiEvent()] }));
      await observed.fetch(TOKEN_URLS.NA, { method: 'POST', headers: { Authorization: 'Basic eA==' }, body: tokenForm() });
      expect(seen).toEqual(['events 207', 'token 400']);
    } finally {
      await observed.close();
    }
  });
});
