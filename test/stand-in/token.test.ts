import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in/index';
import { BASES, EVENTS_PATH, NOW, TOKEN_URLS, eventsApiHeaders, post, tokenForm, validEventsApiEvent } from './fixtures';

let clock = NOW;
let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => clock });
});
afterAll(() => standIn.close());
beforeEach(() => {
  clock = NOW;
  standIn.reset();
});

const FORM_HEADERS = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function requestToken(body = tokenForm(), headers: Record<string, string> = FORM_HEADERS, url: string = TOKEN_URLS.NA) {
  const response = await standIn.fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function sendEventWith(accessToken: string): Promise<{ status: number; body: unknown }> {
  const headers = eventsApiHeaders({ Authorization: `Bearer ${accessToken}` });
  const response = await standIn.fetch(...post(BASES.NA + EVENTS_PATH, headers, { events: [validEventsApiEvent()] }));
  return { status: response.status, body: await response.json() };
}

describe('Login with Amazon token endpoint', () => {
  it.each(Object.entries(TOKEN_URLS))('mints numbered access tokens in %s', async (region, url) => {
    expect(await requestToken(tokenForm(), FORM_HEADERS, url)).toEqual({
      status: 200,
      body: { access_token: 'Atza|stand-in-1', refresh_token: 'Atzr|fake-refresh-token', token_type: 'bearer', expires_in: 3600 }
    });
    expect((await requestToken(tokenForm(), FORM_HEADERS, url)).body.access_token).toBe('Atza|stand-in-2');
    expect(standIn.tokenRequests[0]).toEqual({
      region,
      host: new URL(url).hostname,
      form: {
        grant_type: 'refresh_token',
        refresh_token: 'Atzr|fake-refresh-token',
        client_id: 'amzn1.application-oa2-client.fake',
        client_secret: 'fake-client-secret'
      },
      status: 200
    });
  });

  it('accepts a URLSearchParams body sent without an explicit content type', async () => {
    const response = await standIn.fetch(TOKEN_URLS.EU, { method: 'POST', body: new URLSearchParams(tokenForm()) });
    expect(response.status).toBe(200);
  });

  it('rejects an Authorization header on the token call', async () => {
    const headers = { ...FORM_HEADERS, Authorization: 'Basic ZmFrZTpmYWtl' };
    expect(await requestToken(tokenForm(), headers)).toEqual({
      status: 400,
      body: {
        error: 'invalid_request',
        error_description: 'The refresh_token grant takes client_id and client_secret in the form body, not an Authorization header'
      }
    });
  });

  it('rejects a JSON body', async () => {
    const body = JSON.stringify(Object.fromEntries(new URLSearchParams(tokenForm())));
    expect(await requestToken(body, { 'Content-Type': 'application/json' })).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' }
    });
  });

  it('rejects another grant type', async () => {
    expect(await requestToken(tokenForm({ grant_type: 'client_credentials' }))).toEqual({
      status: 400,
      body: { error: 'unsupported_grant_type', error_description: 'Only grant_type=refresh_token is supported' }
    });
  });

  it.each(['refresh_token', 'client_id', 'client_secret'])('rejects a request without %s', async (parameter) => {
    expect(await requestToken(tokenForm({ [parameter]: undefined }))).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: `The request is missing a required parameter : ${parameter}` }
    });
  });

  it('answers invalid_grant for a revoked refresh token and keeps serving others', async () => {
    standIn.revokeRefreshToken('Atzr|fake-refresh-token');
    expect(await requestToken()).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' }
    });
    expect((await requestToken(tokenForm({ refresh_token: 'Atzr|another-fake' }))).status).toBe(200);
  });

  it('uses the configured token lifetime', async () => {
    const shortLived = await startAmazonStandIn({ tokenLifetimeSeconds: 60 });
    try {
      const response = await shortLived.fetch(TOKEN_URLS.NA, { method: 'POST', headers: FORM_HEADERS, body: tokenForm() });
      expect(await response.json()).toMatchObject({ expires_in: 60 });
    } finally {
      await shortLived.close();
    }
  });
});

describe('access tokens at the Events API', () => {
  it('accepts a minted token until its lifetime has passed on the injected clock', async () => {
    const { body } = await requestToken();
    const token = body.access_token as string;
    clock = NOW + 3599_000;
    expect((await sendEventWith(token)).status).toBe(207);
    clock = NOW + 3600_000;
    expect(await sendEventWith(token)).toEqual({
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'The access token has expired or been revoked' }
    });
  });

  it('accepts any non-empty token it did not mint, until it is expired by hand', async () => {
    expect((await sendEventWith('Atza|fake-access-token')).status).toBe(207);
    standIn.expireAccessToken('Atza|fake-access-token');
    expect(await sendEventWith('Atza|fake-access-token')).toEqual({
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'The access token has expired or been revoked' }
    });
    expect((await sendEventWith('Atza|other-fake-token')).status).toBe(207);
  });

  it('accepts a freshly minted token after the previous one was expired by hand', async () => {
    const first = (await requestToken()).body.access_token as string;
    standIn.expireAccessToken(first);
    const second = (await requestToken()).body.access_token as string;
    expect(second).toBe('Atza|stand-in-2');
    expect((await sendEventWith(first)).status).toBe(401);
    expect((await sendEventWith(second)).status).toBe(207);
  });
});
