import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in/index';
import {
  BASES,
  EMAIL_SHA256,
  EVENTS_PATH,
  NOW,
  REMOVE,
  changed,
  days,
  eventsApiHeaders,
  isoAt,
  minutes,
  post,
  sha256,
  validEventsApiEvent
} from './fixtures';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn({ now: () => NOW });
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

async function send(body: unknown, headers = eventsApiHeaders(), base: string = BASES.NA): Promise<{ status: number; body: unknown }> {
  const response = await standIn.fetch(...post(base + EVENTS_PATH, headers, body));
  return { status: response.status, body: await response.json() };
}

/** The valid event with one field set (or removed) as the only event of a request; the answer's body. */
async function sendChanged(path: string, value: unknown, base: string = BASES.NA): Promise<unknown> {
  const answer = await send({ events: [changed(validEventsApiEvent(), path, value)] }, eventsApiHeaders(), base);
  expect(answer.status).toBe(207);
  return answer.body;
}

function rejected(...errors: Array<[fieldLocation: string, message: string]>): unknown {
  return {
    success: [],
    error: [{ index: 0, errors: errors.map(([fieldLocation, message]) => ({ code: 'BAD_REQUEST', message, fieldLocation })) }]
  };
}

describe('Events API: valid requests', () => {
  it.each(Object.entries(BASES))('accepts a valid event in %s with a 0-based index', async (region, base) => {
    const answer = await send({ events: [validEventsApiEvent(), validEventsApiEvent()] }, eventsApiHeaders(), base);
    expect(answer).toEqual({ status: 207, body: { success: [{ index: 0 }, { index: 1 }], error: [] } });
    expect(standIn.requests[0]?.region).toBe(region);
  });

  it('answers one 207 with the good event in success and the bad one in error, by 0-based index', async () => {
    const bad = validEventsApiEvent();
    bad.countryCode = 'USA';
    const answer = await send({ events: [validEventsApiEvent(), bad] });
    expect(answer).toEqual({
      status: 207,
      body: {
        success: [{ index: 0 }],
        error: [
          {
            index: 1,
            errors: [{ code: 'BAD_REQUEST', message: 'countryCode must be an upper-case ISO 3166-1 alpha-2 code', fieldLocation: 'countryCode' }]
          }
        ]
      }
    });
  });

  it('accepts a minimal event (required fields and one match key only)', async () => {
    const minimal = {
      eventDescription: { name: 'Lead', conversionType: 'LEAD', eventSource: 'IOS', eventIngestionMethod: 'SERVER_TO_SERVER' },
      countryCode: 'GB',
      eventTime: '2026-05-01T13:59:00+02:00',
      matchKeys: [{ type: 'EMAIL', values: [EMAIL_SHA256] }]
    };
    expect(await send({ events: [minimal] })).toEqual({ status: 207, body: { success: [{ index: 0 }], error: [] } });
  });

  it('accepts the time window edges: 4 minutes ahead and 20 days old', async () => {
    const ahead = { ...validEventsApiEvent(), eventTime: isoAt(NOW + minutes(4)) };
    const old = { ...validEventsApiEvent(), eventTime: isoAt(NOW - days(20)) };
    expect(await send({ events: [ahead, old] })).toEqual({ status: 207, body: { success: [{ index: 0 }, { index: 1 }], error: [] } });
  });

  it('accepts one match key of each of the 11 types and 13 custom data entries', async () => {
    const event = validEventsApiEvent();
    const hashed = ['EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL'];
    event.matchKeys = [
      ...hashed.map((type) => ({ type, values: [sha256(type)] })),
      { type: 'MAID', values: ['00000000-0000-0000-0000-000000000001'] },
      { type: 'RAMP_ID', values: ['XY1000fakeRampId'] },
      { type: 'MATCH_ID', values: ['customer_0001'] }
    ];
    event.customData = Array.from({ length: 13 }, (_, index) => ({ name: `attr${index}`, dataType: 'STRING', value: 'v' }));
    expect(await send({ events: [event] })).toEqual({ status: 207, body: { success: [{ index: 0 }], error: [] } });
  });

  it('accepts 500 events in one request', async () => {
    const answer = await send({ events: Array.from({ length: 500 }, () => validEventsApiEvent()) });
    expect(answer.status).toBe(207);
    expect((answer.body as { success: unknown[] }).success).toHaveLength(500);
  });
});

describe('Events API: whole-request rejections', () => {
  it.each([
    ['no Authorization header', { Authorization: undefined }, 401, { code: 'UNAUTHORIZED', message: 'Missing or malformed Authorization header; send "Bearer <access token>"' }],
    ['a Basic Authorization header', { Authorization: 'Basic dXNlcjpwYXNz' }, 401, { code: 'UNAUTHORIZED', message: 'Missing or malformed Authorization header; send "Bearer <access token>"' }],
    ['an empty bearer token', { Authorization: 'Bearer ' }, 401, { code: 'UNAUTHORIZED', message: 'Missing or malformed Authorization header; send "Bearer <access token>"' }],
    ['no Amazon-Ads-AccountId', { 'Amazon-Ads-AccountId': undefined }, 400, { code: 'BAD_REQUEST', message: 'Missing Amazon-Ads-AccountId header' }],
    ['a non-numeric account id (an entity id)', { 'Amazon-Ads-AccountId': 'ENTITY1ABC' }, 400, { code: 'BAD_REQUEST', message: 'Amazon-Ads-AccountId must be the numeric advertiser account id' }],
    ['no Amazon-Ads-ClientId', { 'Amazon-Ads-ClientId': undefined }, 400, { code: 'BAD_REQUEST', message: 'Missing Amazon-Ads-ClientId header' }],
    ['only the v1 client-id header', { 'Amazon-Ads-ClientId': undefined, 'Amazon-Advertising-API-ClientId': 'amzn1.application-oa2-client.fake' }, 400, { code: 'BAD_REQUEST', message: 'Missing Amazon-Ads-ClientId header' }],
    ['a text/plain body', { 'Content-Type': 'text/plain' }, 400, { code: 'BAD_REQUEST', message: 'Content-Type must be application/json' }]
  ])('rejects %s', async (_case, headerChanges, status, body) => {
    expect(await send({ events: [validEventsApiEvent()] }, eventsApiHeaders(headerChanges))).toEqual({ status, body });
  });

  it('accepts the JSON content type with a charset parameter', async () => {
    const answer = await send({ events: [validEventsApiEvent()] }, eventsApiHeaders({ 'Content-Type': 'application/json; charset=utf-8' }));
    expect(answer.status).toBe(207);
  });

  it.each([
    ['a body that is not JSON', '{"events": [', 'The request body is not valid JSON'],
    ['a JSON array body', '[]', 'The request body must be a JSON object'],
    ['no events array', {}, 'events must be an array of 1 to 500 events'],
    ['an empty events array', { events: [] }, 'events must be an array of 1 to 500 events'],
    ['events that is not an array', { events: { 0: {} } }, 'events must be an array of 1 to 500 events'],
    ['501 events', { events: Array.from({ length: 501 }, () => ({})) }, 'events must be an array of 1 to 500 events'],
    ['an unknown top-level field', { events: [{}], ingestionMethod: 'SERVER_TO_SERVER' }, 'ingestionMethod is not a field this API accepts'],
    ['the v1 body shape', { eventData: [{}] }, 'eventData is not a field this API accepts']
  ])('rejects %s with 400', async (_case, body, message) => {
    expect(await send(body)).toEqual({ status: 400, body: { code: 'BAD_REQUEST', message } });
  });
});

describe('Events API: event rules (207 with the event in error[])', () => {
  const cases: Array<[string, string, unknown, Array<[string, string]>]> = [
    ['a missing eventDescription', 'eventDescription', REMOVE, [['eventDescription', 'eventDescription is required: an object with name, conversionType, eventSource and eventIngestionMethod']]],
    ['an empty name', 'eventDescription.name', '  ', [['eventDescription.name', 'eventDescription.name must be a non-empty string']]],
    ['a conversionType outside the enum', 'eventDescription.conversionType', 'PURCHASE', [['eventDescription.conversionType', 'eventDescription.conversionType must be one of ADD_TO_SHOPPING_CART, APPLICATION, CHECKOUT, CONTACT, LEAD, OFF_AMAZON_PURCHASES, MOBILE_APP_FIRST_START, PAGE_VIEW, SEARCH, SIGN_UP, SUBSCRIBE, OTHER']]],
    ['a missing conversionType', 'eventDescription.conversionType', REMOVE, [['eventDescription.conversionType', 'eventDescription.conversionType is required']]],
    ['a lower-case eventSource', 'eventDescription.eventSource', 'website', [['eventDescription.eventSource', 'eventDescription.eventSource must be one of WEBSITE, ANDROID, IOS, FIRE_TV, OFFLINE, MEASUREMENT_ATTRIBUTION_PARTNER']]],
    ['a missing eventIngestionMethod', 'eventDescription.eventIngestionMethod', REMOVE, [['eventDescription.eventIngestionMethod', 'eventDescription.eventIngestionMethod is required']]],
    ['a dataSetName starting with a digit', 'eventDescription.dataSetName', '1_events', [['eventDescription.dataSetName', 'eventDescription.dataSetName must be 5 to 100 characters from A-Z, a-z, 0-9, "_" and "-", starting with a letter']]],
    ['a dataSetName of 4 characters', 'eventDescription.dataSetName', 'Shop', [['eventDescription.dataSetName', 'eventDescription.dataSetName must be 5 to 100 characters from A-Z, a-z, 0-9, "_" and "-", starting with a letter']]],
    ['an unknown eventDescription field', 'eventDescription.pixelCode', 'x', [['eventDescription.pixelCode', 'eventDescription.pixelCode is not a field this API accepts']]],
    ['a lower-case countryCode', 'countryCode', 'us', [['countryCode', 'countryCode must be an upper-case ISO 3166-1 alpha-2 code']]],
    ['a missing countryCode', 'countryCode', REMOVE, [['countryCode', 'countryCode is required']]],
    ['an eventTime without a zone', 'eventTime', '2026-05-01T11:59:00', [['eventTime', 'eventTime must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z']]],
    ['an eventTime on 30 February', 'eventTime', '2026-02-30T10:00:00Z', [['eventTime', 'eventTime must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z']]],
    ['an eventTime in Unix seconds', 'eventTime', Math.floor(NOW / 1000), [['eventTime', 'eventTime must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z']]],
    ['an eventTime 6 minutes in the future', 'eventTime', isoAt(NOW + minutes(6)), [['eventTime', 'eventTime must not be more than 5 minutes in the future']]],
    ['an eventTime 22 days old', 'eventTime', isoAt(NOW - days(22)), [['eventTime', 'eventTime must not be more than 21 days old']]],
    ['a missing eventTime', 'eventTime', REMOVE, [['eventTime', 'eventTime is required']]],
    ['no match keys', 'matchKeys', [], [['matchKeys', 'matchKeys must be an array of 1 to 14 match keys']]],
    ['15 match keys', 'matchKeys', Array.from({ length: 15 }, () => ({ type: 'EMAIL', values: [EMAIL_SHA256] })), [['matchKeys', 'matchKeys must be an array of 1 to 14 match keys']]],
    ['a match key type outside the enum', 'matchKeys.2', { type: 'IP_ADDRESS', values: ['x'] }, [['matchKeys[2].type', 'matchKeys[2].type must be one of EMAIL, PHONE, FIRST_NAME, LAST_NAME, ADDRESS, CITY, STATE, POSTAL, MAID, RAMP_ID, MATCH_ID']]],
    ['a repeated match key type', 'matchKeys.1', { type: 'EMAIL', values: [sha256('other@example.com')] }, [['matchKeys[1].type', 'matchKeys[1].type repeats a match key type; send each type at most once']]],
    ['two values in one match key', 'matchKeys.0.values', [EMAIL_SHA256, sha256('other@example.com')], [['matchKeys[0].values', 'matchKeys[0].values must be an array of exactly one string']]],
    ['a match key value that is not in an array', 'matchKeys.0.values', EMAIL_SHA256, [['matchKeys[0].values', 'matchKeys[0].values must be an array of exactly one string']]],
    ['an unknown match key field', 'matchKeys.0.value', EMAIL_SHA256, [['matchKeys[0].value', 'matchKeys[0].value is not a field this API accepts']]],
    ['a raw email', 'matchKeys.0.values', ['user@example.com'], [['matchKeys[0].values[0]', 'matchKeys[0].values[0] must be a lower-case hex SHA-256 digest of the normalised value']]],
    ['an upper-case digest', 'matchKeys.0.values', [EMAIL_SHA256.toUpperCase()], [['matchKeys[0].values[0]', 'matchKeys[0].values[0] must be a lower-case hex SHA-256 digest of the normalised value']]],
    ['a raw phone number', 'matchKeys.1.values', ['+15555550100'], [['matchKeys[1].values[0]', 'matchKeys[1].values[0] must be a lower-case hex SHA-256 digest of the normalised value']]],
    ['a MATCH_ID with a space', 'matchKeys.2.values', ['customer 0001'], [['matchKeys[2].values[0]', 'matchKeys[2].values[0] must be 1 to 100 characters from A-Z, a-z, 0-9, "_" and "-"']]],
    ['a MATCH_ID of 101 characters', 'matchKeys.2.values', ['a'.repeat(101)], [['matchKeys[2].values[0]', 'matchKeys[2].values[0] must be 1 to 100 characters from A-Z, a-z, 0-9, "_" and "-"']]],
    ['an empty MAID', 'matchKeys.2', { type: 'MAID', values: [''] }, [['matchKeys[2].values[0]', 'matchKeys[2].values[0] must not be empty']]],
    ['an empty RAMP_ID', 'matchKeys.2', { type: 'RAMP_ID', values: [' '] }, [['matchKeys[2].values[0]', 'matchKeys[2].values[0] must not be empty']]],
    ['a negative value', 'value', -1, [['value', 'value must be a number of at least 0 with at most 2 decimals']]],
    ['a value with 3 decimals', 'value', 10.005, [['value', 'value must be a number of at least 0 with at most 2 decimals']]],
    ['a value sent as a string', 'value', '99.98', [['value', 'value must be a number of at least 0 with at most 2 decimals']]],
    ['a lower-case currency', 'currencyCode', 'usd', [['currencyCode', 'currencyCode must be one of AED, AUD, BRL, CAD, CNY, DKK, EUR, GBP, INR, JPY, MXN, NOK, NZD, SAR, SEK, SGD, TRY, USD']]],
    ['a currency outside the 18 codes', 'currencyCode', 'CHF', [['currencyCode', 'currencyCode must be one of AED, AUD, BRL, CAD, CNY, DKK, EUR, GBP, INR, JPY, MXN, NOK, NZD, SAR, SEK, SGD, TRY, USD']]],
    ['zero units sold', 'unitsSold', 0, [['unitsSold', 'unitsSold must be an integer of at least 1']]],
    ['fractional units sold', 'unitsSold', 1.5, [['unitsSold', 'unitsSold must be an integer of at least 1']]],
    ['a numeric eventId', 'eventId', 1001, [['eventId', 'eventId must be a non-empty string']]],
    ['an empty eventId', 'eventId', '', [['eventId', 'eventId must be a non-empty string']]],
    ['v1-style dataProcessingOptions', 'dataProcessingOptions', ['LIMITED_DATA_USE'], [['dataProcessingOptions', 'dataProcessingOptions must be { "options": "LIMITED_DATA_USE" }']]],
    ['an unknown processing option', 'dataProcessingOptions', { options: 'NONE' }, [['dataProcessingOptions', 'dataProcessingOptions must be { "options": "LIMITED_DATA_USE" }']]],
    ['amazonConsent without amznUserData', 'consent.amazonConsent', { amznAdStorage: 'GRANTED' }, [['consent.amazonConsent.amznUserData', 'consent.amazonConsent.amznUserData is required']]],
    ['a lower-case consent value', 'consent.amazonConsent.amznUserData', 'granted', [['consent.amazonConsent.amznUserData', 'consent.amazonConsent.amznUserData must be one of GRANTED, DENIED']]],
    ['a boolean ad-storage consent', 'consent.amazonConsent.amznAdStorage', true, [['consent.amazonConsent.amznAdStorage', 'consent.amazonConsent.amznAdStorage must be one of GRANTED, DENIED']]],
    ['a TCF string that is a number', 'consent.tcf', 1, [['consent.tcf', 'consent.tcf must be a non-empty encoded consent string']]],
    ['an empty GPP string', 'consent.gpp', '', [['consent.gpp', 'consent.gpp must be a non-empty encoded consent string']]],
    ['an invalid IP address', 'consent.geo.ipAddress', '203.0.113.256', [['consent.geo.ipAddress', 'consent.geo.ipAddress must be an IPv4 or IPv6 address']]],
    ['an unknown consent field', 'consent.limitedDataUse', true, [['consent.limitedDataUse', 'consent.limitedDataUse is not a field this API accepts']]],
    ['14 custom data entries', 'customData', Array.from({ length: 14 }, (_, i) => ({ name: `a${i}`, dataType: 'STRING', value: 'v' })), [['customData', 'customData must be an array of at most 13 attributes']]],
    ['a custom data name with a hyphen', 'customData.0.name', 'content-type', [['customData[0].name', 'customData[0].name must be letters, digits and "_" only']]],
    ['a repeated custom data name', 'customData.1.name', 'product', [['customData[1].name', 'customData[1].name repeats an earlier attribute name']]],
    ['a custom data value with a dot', 'customData.0.value', '49.99', [['customData[0].value', 'customData[0].value must be a string of letters, digits and "_" only']]],
    ['a numeric custom data value', 'customData.1.value', 4999, [['customData[1].value', 'customData[1].value must be a string of letters, digits and "_" only']]],
    ['an INTEGER custom data value with letters', 'customData.1.value', 'cents_4999', [['customData[1].value', 'customData[1].value must be digits only for dataType INTEGER']]],
    ['a custom data type outside the enum', 'customData.0.dataType', 'NUMBER', [['customData[0].dataType', 'customData[0].dataType must be one of STRING, INTEGER, TIMESTAMP']]],
    ['v1 customAttributes', 'customAttributes', [{ name: 'brand', value: 'acme' }], [['customAttributes', 'customAttributes is not a field this API accepts']]],
    ['a field Amazon does not document (amazonClickId)', 'amazonClickId', 'fake-click', [['amazonClickId', 'amazonClickId is not a field this API accepts']]]
  ];

  it.each(cases)('rejects %s', async (_case, path, value, errors) => {
    expect(await sendChanged(path, value)).toEqual(rejected(...errors));
  });

  it('lists every problem of one event, never echoing a value', async () => {
    const event = changed(changed(validEventsApiEvent(), 'countryCode', 'usa'), 'matchKeys.0.values', ['user@example.com']);
    const { body } = await send({ events: [event] });
    expect(body).toEqual(
      rejected(
        ['countryCode', 'countryCode must be an upper-case ISO 3166-1 alpha-2 code'],
        ['matchKeys[0].values[0]', 'matchKeys[0].values[0] must be a lower-case hex SHA-256 digest of the normalised value']
      )
    );
    expect(JSON.stringify(body)).not.toContain('user@example.com');
  });

  it('rejects an event that is not an object', async () => {
    expect((await send({ events: ['Purchase'] })).body).toEqual(rejected(['event', 'event must be a JSON object']));
  });

  it('requires a consent signal on the EU host only', async () => {
    expect(await sendChanged('consent', REMOVE, BASES.EU)).toEqual(
      rejected(['consent', 'consent must carry a consent signal (geo.ipAddress, amazonConsent, tcf or gpp) for the EU region'])
    );
    expect(await sendChanged('consent', REMOVE, BASES.NA)).toEqual({ success: [{ index: 0 }], error: [] });
    expect(await sendChanged('consent', REMOVE, BASES.FE)).toEqual({ success: [{ index: 0 }], error: [] });
  });

  it.each([
    ['an IP address', { geo: { ipAddress: '2001:db8::1' } }],
    ['Amazon consent', { amazonConsent: { amznUserData: 'DENIED' } }],
    ['a TCF string', { tcf: 'CPfake-tcf-string' }],
    ['a GPP string', { gpp: 'DBfake-gpp-string' }]
  ])('accepts an EU event whose only consent signal is %s', async (_case, consent) => {
    expect(await sendChanged('consent', consent, BASES.EU)).toEqual({ success: [{ index: 0 }], error: [] });
  });
});
