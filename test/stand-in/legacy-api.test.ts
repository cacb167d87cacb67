import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in/index';
import { BASES, EMAIL_SHA256, LEGACY_PATH, NOW, REMOVE, changed, days, isoAt, legacyApiHeaders, post, validLegacyEvent } from './fixtures';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

async function send(body: unknown, headers = legacyApiHeaders(), base: string = BASES.NA): Promise<{ status: number; body: unknown }> {
  const response = await standIn.fetch(...post(base + LEGACY_PATH, headers, body));
  return { status: response.status, body: await response.json() };
}

const envelope = (...eventData: unknown[]): unknown => ({ ingestionMethod: 'SERVER_TO_SERVER', eventData });

/** The valid event with one field set (or removed) as the only event of a request; the answer's body. */
async function sendChanged(path: string, value: unknown, base: string = BASES.NA): Promise<unknown> {
  const answer = await send(envelope(changed(validLegacyEvent(), path, value)), legacyApiHeaders(), base);
  expect(answer.status).toBe(207);
  return answer.body;
}

function rejected(...messages: string[]): unknown {
  return {
    success: [],
    error: [
      {
        index: 1,
        httpStatusCode: '400',
        subErrors: messages.map((errorMessage) => ({ errorCode: 400, errorType: 'BAD_REQUEST', errorMessage }))
      }
    ]
  };
}

describe('Conversions API v1: valid requests', () => {
  it.each(Object.entries(BASES))('accepts a valid event in %s with a 1-based index', async (region, base) => {
    const answer = await send(envelope(validLegacyEvent(), validLegacyEvent()), legacyApiHeaders(), base);
    expect(answer).toEqual({
      status: 207,
      body: { success: [{ index: 1, message: null }, { index: 2, message: null }], error: [] }
    });
    expect(standIn.requests[0]).toMatchObject({ api: 'legacy', region, path: LEGACY_PATH });
  });

  it('reports a bad second event as index 2 next to a good first one', async () => {
    const bad = { ...validLegacyEvent(), eventActionSource: 'website' };
    expect(await send(envelope(validLegacyEvent(), bad))).toEqual({
      status: 207,
      body: {
        success: [{ index: 1, message: null }],
        error: [
          {
            index: 2,
            httpStatusCode: '400',
            subErrors: [
              { errorCode: 400, errorType: 'BAD_REQUEST', errorMessage: 'eventActionSource must be one of WEBSITE, ANDROID, IOS, FIRE_TV, OFFLINE' }
            ]
          }
        ]
      }
    });
  });

  it('accepts an event 6 days old and a 256-character attribute value', async () => {
    const event = { ...validLegacyEvent(), timestamp: isoAt(NOW - days(6)), customAttributes: [{ name: 'attr1', value: 'x'.repeat(256) }] };
    expect((await send(envelope(event))).body).toEqual({ success: [{ index: 1, message: null }], error: [] });
  });
});

describe('Conversions API v1: whole-request rejections', () => {
  it.each([
    ['no Authorization header', { Authorization: undefined }, 401, { code: 'UNAUTHORIZED', message: 'Missing or malformed Authorization header; send "Bearer <access token>"' }],
    ['a non-numeric account id', { 'Amazon-Ads-AccountId': 'abc' }, 400, { code: 'BAD_REQUEST', message: 'Amazon-Ads-AccountId must be the numeric advertiser account id' }],
    ['no Amazon-Advertising-API-ClientId', { 'Amazon-Advertising-API-ClientId': undefined }, 400, { code: 'BAD_REQUEST', message: 'Missing Amazon-Advertising-API-ClientId header' }],
    ['only the Events API client-id header', { 'Amazon-Advertising-API-ClientId': undefined, 'Amazon-Ads-ClientId': 'amzn1.application-oa2-client.fake' }, 400, { code: 'BAD_REQUEST', message: 'Missing Amazon-Advertising-API-ClientId header' }],
    ['a form-encoded body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 400, { code: 'BAD_REQUEST', message: 'Content-Type must be application/json' }]
  ])('rejects %s', async (_case, headerChanges, status, body) => {
    expect(await send(envelope(validLegacyEvent()), legacyApiHeaders(headerChanges))).toEqual({ status, body });
  });

  it.each([
    ['no ingestionMethod', { eventData: [{}] }, 'ingestionMethod must be SERVER_TO_SERVER'],
    ['another ingestionMethod', { eventData: [{}], ingestionMethod: 'CLIENT_TO_SERVER' }, 'ingestionMethod must be SERVER_TO_SERVER'],
    ['an empty eventData', { eventData: [], ingestionMethod: 'SERVER_TO_SERVER' }, 'eventData must be an array of 1 to 500 events'],
    ['501 events', { eventData: Array.from({ length: 501 }, () => ({})), ingestionMethod: 'SERVER_TO_SERVER' }, 'eventData must be an array of 1 to 500 events'],
    ['the Events API body shape', { events: [{}], ingestionMethod: 'SERVER_TO_SERVER' }, 'events is not a field this API accepts']
  ])('rejects %s with 400', async (_case, body, message) => {
    expect(await send(body)).toEqual({ status: 400, body: { code: 'BAD_REQUEST', message } });
  });
});

describe('Conversions API v1: event rules (207 with the event in error[])', () => {
  const cases: Array<[string, string, unknown, string[]]> = [
    ['an empty name', 'name', '', ['name must be a non-empty string']],
    ['an eventType outside the enum', 'eventType', 'Purchase', ['eventType must be one of ADD_TO_SHOPPING_CART, APPLICATION, CHECKOUT, CONTACT, LEAD, OFF_AMAZON_PURCHASES, MOBILE_APP_FIRST_START, PAGE_VIEW, SEARCH, SIGN_UP, SUBSCRIBE, OTHER']],
    ['the Events API partner source', 'eventActionSource', 'MEASUREMENT_ATTRIBUTION_PARTNER', ['eventActionSource must be one of WEBSITE, ANDROID, IOS, FIRE_TV, OFFLINE']],
    ['a missing eventActionSource', 'eventActionSource', REMOVE, ['eventActionSource is required']],
    ['a dataSetName (no data sets in v1)', 'dataSetName', 'Default_Events', ['dataSetName is not accepted by the Conversions API v1; data sets exist only on the Events API']],
    ['a country name', 'countryCode', 'Germany', ['countryCode must be an upper-case ISO 3166-1 alpha-2 code']],
    ['a timestamp with a lower-case zone', 'timestamp', '2026-05-01T11:59:00z', ['timestamp must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z']],
    ['a timestamp in the TikTok colon form', 'timestamp', '2026-05-01T11:59:00:000Z', ['timestamp must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z']],
    ['a timestamp 8 days old', 'timestamp', isoAt(NOW - days(8)), ['timestamp must not be more than 7 days old']],
    ['an Events API eventTime', 'eventTime', isoAt(NOW - 60_000), ['eventTime is not a field this API accepts']],
    ['12 match keys', 'matchKeys', Array.from({ length: 12 }, () => ({ type: 'EMAIL', values: [EMAIL_SHA256] })), ['matchKeys must be an array of 1 to 11 match keys']],
    ['a raw postal code', 'matchKeys.1', { type: 'POSTAL', values: ['94105'] }, ['matchKeys[1].values[0] must be a lower-case hex SHA-256 digest of the normalised value']],
    ['a numeric clientDedupeId', 'clientDedupeId', 42, ['clientDedupeId must be a non-empty string']],
    ['Events API dataProcessingOptions', 'dataProcessingOptions', { options: 'LIMITED_DATA_USE' }, ['dataProcessingOptions must be ["LIMITED_DATA_USE"]']],
    ['an empty dataProcessingOptions', 'dataProcessingOptions', [], ['dataProcessingOptions must be ["LIMITED_DATA_USE"]']],
    ['14 custom attributes', 'customAttributes', Array.from({ length: 14 }, (_, i) => ({ name: `attr${i}`, value: 'v' })), ['customAttributes must be an array of at most 13 attributes']],
    ['an attribute name with a space', 'customAttributes.0.name', 'product id', ['customAttributes[0].name must be letters, digits and "_" only']],
    ['an attribute value of 257 characters', 'customAttributes.0.value', 'x'.repeat(257), ['customAttributes[0].value must be a string of at most 256 characters']],
    ['a numeric attribute value', 'customAttributes.1.value', 3, ['customAttributes[1].value must be a string of at most 256 characters']],
    ['a typed attribute (first-draft dataType)', 'customAttributes.0.dataType', 'STRING', ['customAttributes[0].dataType is not a field this API accepts']],
    ['Events API customData', 'customData', [], ['customData is not a field this API accepts']]
  ];

  it.each(cases)('rejects %s', async (_case, path, value, messages) => {
    expect(await sendChanged(path, value)).toEqual(rejected(...messages));
  });

  it('requires a consent signal on the EU host', async () => {
    expect(await sendChanged('consent', REMOVE, BASES.EU)).toEqual(
      rejected('consent must carry a consent signal (geo.ipAddress, amazonConsent, tcf or gpp) for the EU region')
    );
  });
});
