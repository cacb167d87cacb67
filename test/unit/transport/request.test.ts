import { beforeEach, describe, expect, it } from 'vitest';
import { APIS, REGIONS } from '../../../src/amazon/endpoints';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import { deliverEvent } from '../../../src/amazon/transport/deliver';
import { eventsRequestInit, tokenRequestInit } from '../../../src/amazon/transport/request';
import {
  ACCESS_TOKEN,
  ADVERTISER_ID,
  CLIENT_ID,
  CLIENT_SECRET,
  RAW_IP,
  REFRESH_TOKEN,
  accepted,
  context,
  deliveryRequest,
  eventBodies,
  scriptedFetch
} from './support';

const BASES = {
  NA: 'https://advertising-api.amazon.com',
  EU: 'https://advertising-api-eu.amazon.com',
  FE: 'https://advertising-api-fe.amazon.com'
} as const;
const PATHS = { events: '/adsApi/v1/create/events', legacy: '/events/v1' } as const;
const CLIENT_ID_HEADERS = { events: 'Amazon-Ads-ClientId', legacy: 'Amazon-Advertising-API-ClientId' } as const;

beforeEach(() => forgetAccessTokens());

describe('the Events API request', () => {
  const cases = APIS.flatMap((api) => REGIONS.map((region) => ({ api, region })));

  it.each(cases)('$api in $region: exact URL, headers and body', async ({ api, region }) => {
    const fetch = scriptedFetch(accepted(api));
    const result = await deliverEvent(deliveryRequest({ api, region }), context(fetch));

    expect(result).toEqual({ httpStatus: 207, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
    const [call] = fetch.calls;
    expect(call?.url).toBe(`${BASES[region]}${PATHS[api]}`);
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toStrictEqual({
      Authorization: `Bearer ${ACCESS_TOKEN}`,
      'Amazon-Ads-AccountId': ADVERTISER_ID,
      [CLIENT_ID_HEADERS[api]]: CLIENT_ID,
      'Content-Type': 'application/json',
      Accept: 'application/json'
    });
    expect(call?.init.body).toBe(eventBodies(api).body);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('trims pasted whitespace from the token, advertiser id and client id (a newline would break the header)', async () => {
    const fetch = scriptedFetch(accepted());
    const request = deliveryRequest({ credentials: { accessToken: `${ACCESS_TOKEN}\n`, clientId: ` ${CLIENT_ID} ` } });
    await deliverEvent({ ...request, advertiserId: ` ${ADVERTISER_ID}\n` }, context(fetch));

    expect(fetch.calls[0]?.init.headers).toMatchObject({
      Authorization: `Bearer ${ACCESS_TOKEN}`,
      'Amazon-Ads-AccountId': ADVERTISER_ID,
      'Amazon-Ads-ClientId': CLIENT_ID
    });
  });
});

describe('what a logging fetch sees when it serialises the init', () => {
  it('redacts Authorization and shows the log body, while the init itself stays exact', () => {
    const { body, bodyForLog } = eventBodies('events');
    const init = eventsRequestInit(
      { api: 'events', accessToken: ACCESS_TOKEN, advertiserId: ADVERTISER_ID, clientId: CLIENT_ID, body, bodyForLog },
      new AbortController().signal
    );
    // Adobe's wrapper merges its own headers into init.headers before logging.
    init.headers = { ...init.headers, 'x-request-id': 'req-1' };

    expect(JSON.parse(JSON.stringify(init))).toStrictEqual({
      method: 'POST',
      headers: {
        Authorization: 'Bearer [redacted]',
        'Amazon-Ads-AccountId': ADVERTISER_ID,
        'Amazon-Ads-ClientId': CLIENT_ID,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'x-request-id': 'req-1'
      },
      body: bodyForLog
    });
    expect(init.headers.Authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(init.body).toBe(body);
    expect(init.body).toContain(RAW_IP);
    expect(Object.keys(init)).toStrictEqual(['method', 'headers', 'body', 'signal']);
  });

  it('keeps refresh token and client secret out of a serialised token request', () => {
    const init = tokenRequestInit(
      { refreshToken: REFRESH_TOKEN, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      new AbortController().signal
    );
    const logged = JSON.stringify(init);

    expect(logged).not.toContain('fake-refresh-token');
    expect(logged).not.toContain(CLIENT_SECRET);
    expect(JSON.parse(logged)).toStrictEqual({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: `grant_type=refresh_token&refresh_token=%5Bredacted%5D&client_id=${CLIENT_ID}&client_secret=%5Bredacted%5D`
    });
  });
});
