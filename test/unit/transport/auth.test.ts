import { beforeEach, describe, expect, it } from 'vitest';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import {
  AmazonDeliveryError,
  RENEWED_TOKEN_REJECTED_MESSAGE,
  TOKEN_REJECTED_MESSAGE,
  deliverEvent
} from '../../../src/amazon/transport/deliver';
import {
  ACCESS_TOKEN,
  CLIENT_SECRET,
  FakeClock,
  REFRESH_PAIR,
  REFRESH_TOKEN,
  accepted,
  connectionReset,
  context,
  deliveryRequest,
  hangsUntilAborted,
  json,
  minted,
  scriptedFetch,
  text
} from './support';

const TOKEN_FORM =
  'grant_type=refresh_token&refresh_token=Atzr%7Cfake-refresh-token' +
  '&client_id=amzn1.application-oa2-client.fakeclientid&client_secret=fake-client-secret-0000';
const SECRETS = ['fake-refresh-token', 'Atzr%7Cfake', CLIENT_SECRET];
const unauthorized = json(401, { code: 'UNAUTHORIZED', message: 'Access token is expired' });

beforeEach(() => forgetAccessTokens());

describe('Login with Amazon token minting', () => {
  it.each([
    ['NA', 'https://api.amazon.com/auth/o2/token'],
    ['EU', 'https://api.amazon.co.uk/auth/o2/token'],
    ['FE', 'https://api.amazon.co.jp/auth/o2/token']
  ] as const)('%s: posts the exact refresh-token form to %s and sends the minted token', async (region, tokenUrl) => {
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'));
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch });

    await expect(deliverEvent(deliveryRequest({ region, credentials: REFRESH_PAIR }), ctx)).resolves.toEqual({
      httpStatus: 207,
      attempts: 1
    });

    expect(tokenFetch.calls).toHaveLength(1);
    const [tokenCall] = tokenFetch.calls;
    expect(tokenCall?.url).toBe(tokenUrl);
    expect(tokenCall?.init.method).toBe('POST');
    expect(tokenCall?.init.headers).toStrictEqual({
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json'
    });
    expect(tokenCall?.init.body).toBe(TOKEN_FORM);
    expect(fetch.calls[0]?.init.headers.Authorization).toBe('Bearer Atza|minted-1');
    expect(ctx.logger.all()).toContain(`Renewed the Login with Amazon access token (${region}); it is valid for 3600 s.`);
    expect(ctx.logger.all()).not.toContain('Atza|minted-1');
  });

  it('prefers the refresh pair over a configured access token', async () => {
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'));
    const fetch = scriptedFetch(accepted());
    const credentials = { ...REFRESH_PAIR, accessToken: ACCESS_TOKEN };

    await deliverEvent(deliveryRequest({ credentials }), context(fetch, { tokenFetch }));

    expect(fetch.calls[0]?.init.headers.Authorization).toBe('Bearer Atza|minted-1');
  });

  it('caches a minted token until 60 s before it expires', async () => {
    const clock = new FakeClock();
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'), minted('Atza|minted-2'));
    const fetch = scriptedFetch(accepted());
    const send = (): Promise<unknown> =>
      deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), context(fetch, { tokenFetch, clock }));

    await send();
    clock.advance(3_539_999); // 1 ms before "60 s before expiry"
    await send();
    expect(tokenFetch.calls).toHaveLength(1);

    clock.advance(1);
    await send();
    expect(tokenFetch.calls).toHaveLength(2);
    expect(fetch.calls.map((call) => call.init.headers.Authorization)).toStrictEqual([
      'Bearer Atza|minted-1',
      'Bearer Atza|minted-1',
      'Bearer Atza|minted-2'
    ]);
  });

  it('caches per credentials: another client secret mints its own token', async () => {
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'), minted('Atza|minted-2'));
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch });

    await deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx);
    await deliverEvent(deliveryRequest({ credentials: { ...REFRESH_PAIR, clientSecret: 'fake-client-secret-0001' } }), ctx);
    await deliverEvent(deliveryRequest({ region: 'EU', credentials: REFRESH_PAIR }), ctx);

    expect(tokenFetch.calls).toHaveLength(3);
  });

  it('shares one renewal between 50 concurrent events (single flight)', async () => {
    const clock = new FakeClock();
    const tokenFetch = scriptedFetch(async () => {
      await clock.sleep(300); // Login with Amazon takes a moment; every event arrives meanwhile
      return minted('Atza|minted-1')({} as never);
    });
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch, clock });

    const results = await Promise.all(
      Array.from({ length: 50 }, () => deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx))
    );

    expect(tokenFetch.calls).toHaveLength(1);
    expect(fetch.calls).toHaveLength(50);
    expect(new Set(fetch.calls.map((call) => call.init.headers.Authorization))).toStrictEqual(
      new Set(['Bearer Atza|minted-1'])
    );
    expect(results.every((result) => result.attempts === 1)).toBe(true);
  });

  it('does not cache a failed renewal: the next event asks again', async () => {
    const tokenFetch = scriptedFetch(text(503, 'Service Unavailable'), minted('Atza|minted-1'));
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch });

    await expect(deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx)).rejects.toThrow(
      'Login with Amazon could not renew the access token (HTTP 503); this is usually temporary, try again later.'
    );
    await expect(deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx)).resolves.toEqual({
      httpStatus: 207,
      attempts: 1
    });
    expect(tokenFetch.calls).toHaveLength(2);
    expect(fetch.calls).toHaveLength(1);
  });

  it('does not cache a token without a stated lifetime', async () => {
    const tokenFetch = scriptedFetch(json(200, { access_token: 'Atza|minted-1', token_type: 'bearer' }));
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch });

    await deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx);
    await deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx);

    expect(tokenFetch.calls).toHaveLength(2);
  });
});

describe('a 401 from the Events API', () => {
  it('with the refresh pair: drops the cached token, renews once and retries (2 attempts)', async () => {
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'), minted('Atza|minted-2'));
    const fetch = scriptedFetch(accepted(), unauthorized, accepted());
    const ctx = context(fetch, { tokenFetch });

    await deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx); // caches minted-1
    const result = await deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx);

    expect(result).toEqual({ httpStatus: 207, attempts: 2 });
    expect(tokenFetch.calls).toHaveLength(2);
    expect(fetch.calls.map((call) => call.init.headers.Authorization)).toStrictEqual([
      'Bearer Atza|minted-1',
      'Bearer Atza|minted-1',
      'Bearer Atza|minted-2'
    ]);
    expect(fetch.calls[2]?.init.body).toBe(fetch.calls[1]?.init.body);
    expect(ctx.clock.completedSleeps).toStrictEqual([]);
    expect(ctx.logger.all()).toContain(
      'Amazon Events API attempt 1/3: HTTP 401 (UNAUTHORIZED: Access token is expired); renewing the access token and trying again.'
    );
  });

  it('with the refresh pair: a second 401 fails without looping', async () => {
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'), minted('Atza|minted-2'));
    const fetch = scriptedFetch(unauthorized);
    const promise = deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), context(fetch, { tokenFetch }));

    await expect(promise).rejects.toThrow(RENEWED_TOKEN_REJECTED_MESSAGE);
    await expect(promise).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401, attempts: 2, retriable: false });
    expect(fetch.calls).toHaveLength(2);
    expect(tokenFetch.calls).toHaveLength(2);
  });

  it('with the refresh pair: events that all got 401 on the same token share one renewal', async () => {
    const clock = new FakeClock();
    const tokenFetch = scriptedFetch(minted('Atza|minted-1'), async () => {
      await clock.sleep(300);
      return minted('Atza|minted-2')({} as never);
    });
    const fetch = scriptedFetch((init) =>
      (init.headers.Authorization === 'Bearer Atza|minted-1' ? unauthorized : accepted())(init)
    );
    const ctx = context(fetch, { tokenFetch, clock });
    await expect(deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx)).resolves.toEqual({
      httpStatus: 207,
      attempts: 2
    });

    forgetAccessTokens();
    const cold = scriptedFetch(minted('Atza|minted-1'), async () => {
      await clock.sleep(300);
      return minted('Atza|minted-2')({} as never);
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), context(fetch, { tokenFetch: cold, clock }))
      )
    );
    expect(cold.calls).toHaveLength(2);
    expect(results.every((result) => result.attempts === 2)).toBe(true);
  });

  it('without the refresh pair: fails at once with the token message', async () => {
    const fetch = scriptedFetch(unauthorized);
    const promise = deliverEvent(deliveryRequest(), context(fetch));

    await expect(promise).rejects.toThrow(
      'Amazon rejected the access token (HTTP 401): it is invalid or expired. Update the Access Token secret, ' +
        'or set Refresh Token and Client Secret so the extension renews tokens itself.'
    );
    await expect(promise).rejects.toThrow(TOKEN_REJECTED_MESSAGE);
    await expect(promise).rejects.toMatchObject({ code: 'UNAUTHORIZED', status: 401, attempts: 1 });
    expect(fetch.calls).toHaveLength(1);
  });
});

describe('Login with Amazon errors', () => {
  const send = (tokenStep: Parameters<typeof scriptedFetch>[0]) => {
    const fetch = scriptedFetch(accepted());
    const promise = deliverEvent(
      deliveryRequest({ credentials: REFRESH_PAIR }),
      context(fetch, { tokenFetch: scriptedFetch(tokenStep) })
    );
    return { fetch, promise };
  };

  it('invalid_grant: says the refresh token was revoked or is wrong, and sends nothing', async () => {
    const { fetch, promise } = send(
      json(400, {
        error: 'invalid_grant',
        error_description: 'The request has an invalid grant parameter : refresh_token Atzr|fake-refresh-token'
      })
    );

    await expect(promise).rejects.toThrow(
      'Login with Amazon refused the refresh token (invalid_grant): it was revoked, has expired, or is wrong for this ' +
        'Client ID. Authorise the application again to get a new refresh token, then update the Refresh Token secret.'
    );
    await expect(promise).rejects.toMatchObject({
      code: 'TOKEN_REFRESH_FAILED',
      amazonCode: 'invalid_grant',
      status: 400,
      attempts: 0,
      retriable: false
    });
    expect(fetch.calls).toHaveLength(0);
  });

  it('invalid_client: says the client id or secret is wrong', async () => {
    const { promise } = send(json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }));

    await expect(promise).rejects.toThrow(
      'Login with Amazon refused the client credentials (invalid_client): the Client ID or the Client Secret is wrong. ' +
        'Copy both again from the Login with Amazon security profile.'
    );
  });

  it('another OAuth error: quotes Login with Amazon, redacting anything secret it echoes', async () => {
    const { promise } = send(
      json(400, { error: 'invalid_request', error_description: `Bad client_secret ${CLIENT_SECRET}` })
    );

    await expect(promise).rejects.toThrow(
      'Login with Amazon refused to renew the access token (HTTP 400, invalid_request): Bad client_secret [redacted]'
    );
  });

  it('a network error: says Login with Amazon could not be reached', async () => {
    const { promise } = send(connectionReset);

    await expect(promise).rejects.toThrow(
      'Could not reach Login with Amazon (api.amazon.com) to renew the access token: network error: fetch failed (ECONNRESET).'
    );
    await expect(promise).rejects.toMatchObject({ retriable: true, attempts: 0 });
  });

  it('no answer: the token request is bounded too', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch(accepted());
    const ctx = context(fetch, { tokenFetch: scriptedFetch(hangsUntilAborted), clock });

    await expect(deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx)).rejects.toThrow(
      'Could not reach Login with Amazon (api.amazon.com) to renew the access token: no answer within 5 s.'
    );
    expect(clock.elapsed()).toBe(5000);
  });

  it('an answer without an access token', async () => {
    const { promise } = send(json(200, { token_type: 'bearer' }));

    await expect(promise).rejects.toThrow(
      'Login with Amazon answered HTTP 200 without an access token: "{"token_type":"bearer"}".'
    );
  });

  it('never puts a token value in any message', async () => {
    const answers = [
      json(400, { error: 'invalid_grant', error_description: REFRESH_TOKEN }),
      json(400, { error: 'unsupported_grant_type', error_description: `${REFRESH_TOKEN} ${CLIENT_SECRET}` }),
      text(400, `refresh_token=${encodeURIComponent(REFRESH_TOKEN)}&client_secret=${CLIENT_SECRET}`),
      json(500, { error: 'server_error', error_description: REFRESH_TOKEN })
    ];
    for (const answer of answers) {
      const error = await send(answer).promise.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AmazonDeliveryError);
      for (const secret of SECRETS) expect((error as Error).message).not.toContain(secret);
    }
  });

  it('without the refresh pair and without an access token: says what to configure', async () => {
    const fetch = scriptedFetch(accepted());
    const promise = deliverEvent(deliveryRequest({ credentials: { accessToken: ' ' } }), context(fetch));

    await expect(promise).rejects.toThrow(
      'No access token to send: set Access Token, or Refresh Token and Client Secret, in the extension configuration.'
    );
    await expect(promise).rejects.toMatchObject({ code: 'MISSING_CREDENTIALS', attempts: 0 });
    expect(fetch.calls).toHaveLength(0);
  });

  it('with the refresh pair but no client id: says the client id is needed', async () => {
    const promise = deliverEvent(
      deliveryRequest({ credentials: { ...REFRESH_PAIR, clientId: '' } }),
      context(scriptedFetch(accepted()))
    );

    await expect(promise).rejects.toThrow(
      'Cannot renew the access token: the Client ID is empty. Enter the Login with Amazon client ID in the extension configuration.'
    );
  });
});

it('events waiting on one failed renewal each get their own error (Adobe rewrites messages in place)', async () => {
  const clock = new FakeClock();
  const tokenFetch = scriptedFetch(async () => {
    await clock.sleep(300);
    return json(400, { error: 'invalid_grant' })({} as never);
  });
  const ctx = context(scriptedFetch(accepted()), { tokenFetch, clock });

  const errors = await Promise.all(
    [1, 2].map(() => deliverEvent(deliveryRequest({ credentials: REFRESH_PAIR }), ctx).catch((caught: unknown) => caught))
  );

  expect(tokenFetch.calls).toHaveLength(1);
  expect(errors[0]).toBeInstanceOf(AmazonDeliveryError);
  expect(errors[1]).toBeInstanceOf(AmazonDeliveryError);
  expect(errors[0]).not.toBe(errors[1]);
});
