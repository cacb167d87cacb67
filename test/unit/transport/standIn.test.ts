/**
 * Delivery over real HTTP on loopback, against the project's Amazon stand-in (which validates
 * requests the way Amazon does), with the real clock: what the unit tests fake — sockets, resets,
 * Retry-After headers, AbortSignal, response bodies — is real here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ApiName, Region } from '../../../src/amazon/endpoints';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import { deliverEvent } from '../../../src/amazon/transport/deliver';
import type { AmazonCredentials, DeliveryRequest } from '../../../src/amazon/transport/types';
import { startAmazonStandIn, type AmazonStandIn } from '../../../scripts/amazon-stand-in/index';
import { ACCESS_TOKEN, ACCOUNT_ID, CLIENT_ID, NOW, changed, validEventsApiEvent, validLegacyEvent } from '../../stand-in/fixtures';
import { RecordingLogger } from './support';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.reset();
  forgetAccessTokens();
});

const REFRESH: Partial<AmazonCredentials> = { refreshToken: 'Atzr|fake-refresh-token', clientSecret: 'fake-client-secret' };

function request(api: ApiName, region: Region, credentials: Partial<AmazonCredentials> = {}, event?: unknown): DeliveryRequest {
  const payload = event ?? (api === 'events' ? validEventsApiEvent() : validLegacyEvent());
  const body = JSON.stringify(
    api === 'events' ? { events: [payload] } : { eventData: [payload], ingestionMethod: 'SERVER_TO_SERVER' }
  );
  return {
    api,
    region,
    advertiserId: ACCOUNT_ID,
    credentials: { clientId: CLIENT_ID, accessToken: ACCESS_TOKEN, ...credentials },
    body,
    bodyForLog: body
  };
}

const send = (delivery: DeliveryRequest, logger = new RecordingLogger()) =>
  deliverEvent(delivery, { fetch: standIn.fetch, tokenFetch: standIn.fetch, logger });

describe('against the Amazon stand-in', () => {
  it.each([
    ['events', 'NA'],
    ['events', 'EU'],
    ['legacy', 'FE']
  ] as const)('%s in %s: accepted as sent', async (api, region) => {
    const delivery = request(api, region);

    await expect(send(delivery)).resolves.toEqual({ httpStatus: 207, attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({ api, region, status: 207, body: JSON.parse(delivery.body) as unknown });
  });

  it('mints a token, and renews it once after Amazon starts refusing it', async () => {
    await expect(send(request('events', 'EU', REFRESH))).resolves.toEqual({ httpStatus: 207, attempts: 1 });
    expect(standIn.tokenRequests).toEqual([
      {
        region: 'EU',
        host: 'api.amazon.co.uk',
        form: {
          grant_type: 'refresh_token',
          refresh_token: 'Atzr|fake-refresh-token',
          client_id: CLIENT_ID,
          client_secret: 'fake-client-secret'
        },
        status: 200
      }
    ]);

    standIn.expireAccessToken('Atza|stand-in-1');
    await expect(send(request('events', 'EU', REFRESH))).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(standIn.tokenRequests).toHaveLength(2);
    expect(standIn.requests.map((recorded) => [recorded.headers.authorization, recorded.status])).toEqual([
      ['Bearer Atza|stand-in-1', 207],
      ['Bearer Atza|stand-in-1', 401],
      ['Bearer Atza|stand-in-2', 207]
    ]);
  });

  it('a revoked refresh token fails with invalid_grant and sends nothing', async () => {
    standIn.revokeRefreshToken('Atzr|fake-refresh-token');

    await expect(send(request('events', 'NA', REFRESH))).rejects.toThrow(
      /^Login with Amazon refused the refresh token \(invalid_grant\)/
    );
    expect(standIn.requests).toHaveLength(0);
  });

  it('a reset connection is retried with the same body', async () => {
    standIn.fail({ type: 'reset' });
    const delivery = request('events', 'NA');

    await expect(send(delivery)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(standIn.requests.map((recorded) => recorded.body)).toEqual([
      JSON.parse(delivery.body) as unknown,
      JSON.parse(delivery.body) as unknown
    ]);
  });

  it('429 with Retry-After is retried', async () => {
    standIn.fail({ type: 'status', status: 429, retryAfter: '1' });
    const logger = new RecordingLogger();

    await expect(send(request('legacy', 'NA'), logger)).resolves.toEqual({ httpStatus: 207, attempts: 2 });
    expect(logger.lines[0]?.text).toMatch(/^Amazon Events API attempt 1\/3: HTTP 429 .*; retrying in 1 s\.$/);
  });

  it('a malformed 207 fails without a retry', async () => {
    standIn.fail({ type: 'malformed', status: 207 });

    await expect(send(request('events', 'NA'))).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', attempts: 1 });
    expect(standIn.requests).toHaveLength(1);
  });

  it('an event Amazon rejects fails with its reason, for either API', async () => {
    const stale = new Date(NOW - 30 * 24 * 3600 * 1000).toISOString();
    const eventsError = send(request('events', 'NA', {}, changed(validEventsApiEvent(), 'eventTime', stale)));
    const legacyError = send(request('legacy', 'NA', {}, changed(validLegacyEvent(), 'timestamp', stale)));

    await expect(eventsError).rejects.toThrow(/^Amazon rejected the event: \S+ at eventTime: /);
    await expect(legacyError).rejects.toThrow(/^Amazon rejected the event \(HTTP 400\): /);
    await expect(eventsError).rejects.toMatchObject({ code: 'EVENT_REJECTED', attempts: 1 });
  });
});
