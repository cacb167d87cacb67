/**
 * The built action (dist/lib/actions/send-web-event.js) run by Adobe's real engine through the
 * harness, against the in-process Amazon stand-in: settings as Tags stores them, tokens converted
 * as Adobe converts them, the access token from Core's Secret data element via env.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness, type RuleRun } from '../../scripts/engine/harness';
import { secretDataElement, type PropertyDefinition } from '../../scripts/engine/property';
import { standInRouter } from '../../scripts/engine/routing';
import { errorTraces, traceText } from '../../scripts/engine/traces';
import {
  ACCESS_TOKEN,
  ACCESS_TOKEN_SECRET_ID,
  ADVERTISER_ID,
  CLIENT_ID,
  channelIs,
  expectedPurchaseBody,
  property,
  PURCHASE_SETTINGS,
  purchaseRequest,
  recentEventTime,
  sendRule,
  sha256
} from './support';

const DAY_MS = 86_400_000;
let standIn: AmazonStandIn;

beforeAll(async () => {
  standIn = await startAmazonStandIn();
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

function run(
  definition: PropertyDefinition,
  request = purchaseRequest(recentEventTime()),
  env: Record<string, string> = { [ACCESS_TOKEN_SECRET_ID]: ACCESS_TOKEN }
): Promise<RuleRun[]> {
  return createEngineHarness({ property: definition, env, fetch: standIn.fetch, globalFetch: standInRouter(standIn.url) }).execute(request);
}

const allLogText = (runs: RuleRun[]): string => runs.flatMap((result) => result.logs.map(traceText)).join('\n');

describe('a purchase through Adobe\'s engine', () => {
  const hosts = { NA: 'advertising-api.amazon.com', EU: 'advertising-api-eu.amazon.com', FE: 'advertising-api-fe.amazon.com' } as const;
  const apis = {
    events: { path: '/adsApi/v1/create/events', clientIdHeader: 'amazon-ads-clientid', response: { success: [{ index: 0 }], error: [] } },
    legacy: { path: '/events/v1', clientIdHeader: 'amazon-advertising-api-clientid', response: { success: [{ index: 1, message: null }], error: [] } }
  } as const;
  const cases = (['events', 'legacy'] as const).flatMap((api) => (['NA', 'EU', 'FE'] as const).map((region) => ({ api, region })));

  it.each(cases)('$api API, region $region: Amazon receives the exact body at the regional host and accepts it', async ({ api, region }) => {
    const eventTime = recentEventTime();
    const runs = await run(property([sendRule('RL-purchase', PURCHASE_SETTINGS)], { api, region }), purchaseRequest(eventTime));

    expect(runs.map(({ ruleId, status }) => ({ ruleId, status }))).toEqual([{ ruleId: 'RL-purchase', status: 'success' }]);
    expect(standIn.requests).toHaveLength(1);
    const [received] = standIn.requests;
    expect(received).toMatchObject({ api, region, host: hosts[region], path: apis[api].path, status: 207, response: apis[api].response });
    expect(received?.headers).toMatchObject({
      authorization: `Bearer ${ACCESS_TOKEN}`,
      'amazon-ads-accountid': ADVERTISER_ID,
      [apis[api].clientIdHeader]: CLIENT_ID,
      'content-type': 'application/json',
      'x-request-id': 'req-engine-test'
    });
    expect(received?.body).toEqual(expectedPurchaseBody(api, eventTime));
    expect(runs[0]?.ruleStash).toEqual({
      'amazon-web-events-api': {
        status: 'sent',
        api,
        eventId: 'order-ORDER-1001',
        httpStatus: 207,
        attempts: 1,
        matchKeys: ['EMAIL', 'PHONE'],
        warnings: []
      }
    });
  });
});

describe('data element tokens, as Adobe resolves them', () => {
  it('keeps the type of whole tokens (array, number, boolean) and concatenates mixed strings', async () => {
    const settings = {
      event: { name: 'Purchase', id: 'web-{{Order ID}}-{{Channel}}', countryCode: 'US' },
      user: { email: '{{Email}}' },
      properties: { contents: '{{Cart}}', currency: 'USD' },
      customAttributes: '{{Custom attributes}}',
      consent: { limitedDataUse: '{{Dry run}}' }
    };
    const request = purchaseRequest(recentEventTime(), { attributes: [{ name: 'coupon', value: 'SPRING_10' }], dryRun: true });
    const runs = await run(property([sendRule('RL-tokens', settings)]), request);

    expect(runs[0]?.status).toBe('success');
    const event = (standIn.requests[0]?.body as { events: Array<Record<string, unknown>> }).events[0];
    // "web-{{Order ID}}-{{Channel}}" → concatenated; empty time → the XDM timestamp.
    expect(event?.eventId).toBe('web-ORDER-1001-web');
    // {{Cart}} arrived as an array: value = 2 × 24.99 + 10, units = 3, first item's attributes.
    expect(event).toMatchObject({ value: 59.98, unitsSold: 3 });
    // {{Custom attributes}} arrived as an array of rows; {{Dry run}} as the boolean true.
    expect(event?.customData).toContainEqual({ name: 'coupon', dataType: 'STRING', value: 'SPRING_10' });
    expect(event?.dataProcessingOptions).toEqual({ options: 'LIMITED_DATA_USE' });
  });

  it('falls back to the XDM event id and timestamp when Event ID and Event Time are empty', async () => {
    const eventTime = recentEventTime();
    const settings = { event: { name: 'Purchase', countryCode: 'US' }, user: { email: '{{Email}}' } };
    await run(property([sendRule('RL-fallbacks', settings)]), purchaseRequest(eventTime));

    const event = (standIn.requests[0]?.body as { events: Array<Record<string, unknown>> }).events[0];
    expect(event).toMatchObject({ eventId: 'xdm-event-0001', eventTime });
  });
});

describe('secrets', () => {
  it('takes the access token from the Core Secret data element (env) and masks it in every trace', async () => {
    const runs = await run(property([sendRule('RL-secret', PURCHASE_SETTINGS)]));

    expect(standIn.requests[0]?.headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    const logs = allLogText(runs);
    // Adobe's engine masks the secret (getLogSensitiveTokens); the action's own fetch trace redacts it.
    expect(logs).toContain('The "Amazon access token" data element value is "*****oken".');
    expect(logs).toContain('"Authorization":"Bearer [redacted]"');
    expect(logs).not.toContain('fake-access-token');
  });

  it('fails the rule with Core\'s message when the secret is missing from env', async () => {
    const runs = await run(property([sendRule('RL-no-secret', PURCHASE_SETTINGS)]), purchaseRequest(recentEventTime()), {});

    expect(runs[0]?.status).toBe('failed');
    expect(errorTraces(runs[0]?.logs ?? [])[0]).toContain(
      'Could not find the secret "Amazon access token" on the "development" environment.'
    );
    expect(standIn.requests).toHaveLength(0);
  });

  it('mints an access token with the refresh token through the global fetch and restores it afterwards', async () => {
    const originalFetch = globalThis.fetch;
    const definition = property([sendRule('RL-refresh', PURCHASE_SETTINGS)], {
      accessToken: undefined,
      refreshToken: '{{Amazon refresh token}}',
      clientSecret: '{{Amazon client secret}}'
    });
    delete definition.extensions['amazon-web-events-api']?.settings.accessToken;
    definition.dataElements = {
      ...definition.dataElements,
      'Amazon refresh token': secretDataElement('SE-refresh', 'Amazon refresh token'),
      'Amazon client secret': secretDataElement('SE-client-secret', 'Amazon client secret')
    };
    const runs = await run(definition, purchaseRequest(recentEventTime()), {
      'SE-refresh': 'Atzr|fake-refresh-token',
      'SE-client-secret': 'fake-client-secret-0000'
    });

    expect(runs[0]?.status).toBe('success');
    expect(standIn.tokenRequests).toEqual([
      {
        region: 'NA',
        host: 'api.amazon.com',
        form: { grant_type: 'refresh_token', refresh_token: 'Atzr|fake-refresh-token', client_id: CLIENT_ID, client_secret: 'fake-client-secret-0000' },
        status: 200
      }
    ]);
    expect(standIn.requests[0]?.headers.authorization).toBe('Bearer Atza|stand-in-1');
    const logs = allLogText(runs);
    expect(logs).not.toContain('fake-refresh-token');
    expect(logs).not.toContain('fake-client-secret');
    expect(globalThis.fetch).toBe(originalFetch);
  });
});

describe('Amazon\'s rejection fails the rule', () => {
  it('an event Amazon finds too old (the stand-in\'s clock 22 days ahead): failed rule, Amazon\'s reason in the trace', async () => {
    const lateAmazon = await startAmazonStandIn({ now: () => Date.now() + 22 * DAY_MS });
    try {
      const runs = await createEngineHarness({
        property: property([sendRule('RL-late', PURCHASE_SETTINGS)]),
        env: { [ACCESS_TOKEN_SECRET_ID]: ACCESS_TOKEN },
        fetch: lateAmazon.fetch,
        globalFetch: standInRouter(lateAmazon.url)
      }).execute(purchaseRequest(recentEventTime()));

      expect(runs[0]?.status).toBe('failed');
      expect(lateAmazon.requests).toHaveLength(1);
      const answer = lateAmazon.requests[0]?.response as { error: Array<{ errors: Array<{ code: string; message: string; fieldLocation: string }> }> };
      const amazonError = answer.error[0]?.errors[0];
      expect(amazonError?.code).toBe('BAD_REQUEST');
      const reason = errorTraces(runs[0]?.logs ?? [])[0] ?? '';
      expect(reason).toContain('Failed to execute "Send Amazon Web Events API Event".');
      expect(reason).toContain(amazonError?.code);
      expect(reason).toContain(amazonError?.message);
      expect(reason).toContain(amazonError?.fieldLocation);
      expect(runs[0]?.ruleStash).toEqual({});
    } finally {
      await lateAmazon.close();
    }
  });

  it('an injected 207 error: failed rule with code, message and field location', async () => {
    standIn.fail({
      type: 'status',
      status: 207,
      body: { success: [], error: [{ index: 0, errors: [{ code: 'BAD_REQUEST', message: 'countryCode is not supported', fieldLocation: 'events[0].countryCode' }] }] }
    });
    const runs = await run(property([sendRule('RL-207', PURCHASE_SETTINGS)]));

    expect(runs[0]?.status).toBe('failed');
    const reason = errorTraces(runs[0]?.logs ?? [])[0] ?? '';
    expect(reason).toContain('BAD_REQUEST');
    expect(reason).toContain('countryCode is not supported');
    expect(reason).toContain('events[0].countryCode');
    expect(standIn.requests).toHaveLength(1);
  });
});

describe('rules', () => {
  it('runs several rules for one event: each with its own status and stash; a dry run sends nothing', async () => {
    const eventTime = recentEventTime();
    const runs = await run(
      property([
        sendRule('RL-send', PURCHASE_SETTINGS, [channelIs('web')]),
        sendRule('RL-dry-run', { ...PURCHASE_SETTINGS, dryRun: true }),
        sendRule('RL-app-only', PURCHASE_SETTINGS, [channelIs('app')])
      ]),
      purchaseRequest(eventTime)
    );

    expect(runs.map(({ ruleId, status }) => ({ ruleId, status }))).toEqual([
      { ruleId: 'RL-send', status: 'success' },
      { ruleId: 'RL-dry-run', status: 'success' },
      { ruleId: 'RL-app-only', status: 'condition_not_met' }
    ]);
    // Only RL-send reached Amazon.
    expect(standIn.requests).toHaveLength(1);
    expect(runs[0]?.ruleStash['amazon-web-events-api']).toMatchObject({ status: 'sent', httpStatus: 207 });
    const dryRun = runs[1]?.ruleStash['amazon-web-events-api'] as Record<string, unknown>;
    expect(dryRun).toMatchObject({ status: 'dry-run', api: 'events', eventId: 'order-ORDER-1001', matchKeys: ['EMAIL', 'PHONE'] });
    // The dry run's stored request is the one RL-send sent, but with the IP address masked.
    expect(JSON.stringify(dryRun)).toContain(sha256('user@example.com'));
    expect(JSON.stringify(dryRun)).not.toContain('203.0.113.7');
    expect(runs[2]?.ruleStash).toEqual({});
  });
});
