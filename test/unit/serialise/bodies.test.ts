/** Exact wire bodies of a full purchase through the pure pipeline, for both Amazon APIs. */
import { describe, expect, it } from 'vitest';
import { prepareEvent } from '../../../src/lib/prepareEvent';
import { EVENT_TIME, EXPECTED_HASHES, NOW_MS, extensionSettings, fullPurchaseSettings, sha256, xdmEvent } from '../action/fixtures';

const matchKeys = (phone: string) => [
  { type: 'EMAIL', values: [EXPECTED_HASHES.EMAIL] },
  { type: 'PHONE', values: [phone] },
  { type: 'FIRST_NAME', values: [EXPECTED_HASHES.FIRST_NAME] },
  { type: 'LAST_NAME', values: [EXPECTED_HASHES.LAST_NAME] },
  { type: 'ADDRESS', values: [EXPECTED_HASHES.ADDRESS] },
  { type: 'CITY', values: [EXPECTED_HASHES.CITY] },
  { type: 'STATE', values: [EXPECTED_HASHES.STATE] },
  { type: 'POSTAL', values: [EXPECTED_HASHES.POSTAL] },
  { type: 'MAID', values: ['ad-id-fake-0001'] },
  { type: 'RAMP_ID', values: ['XYfakeRampId01'] },
  { type: 'MATCH_ID', values: ['CUST000123'] }
];

const consent = {
  geo: { ipAddress: '203.0.113.7' },
  amazonConsent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED' },
  tcf: 'CPfakeTCF',
  gpp: 'DBfakeGPP'
};

describe('Events API body', () => {
  it('is exactly Amazon’s shape for a full purchase', async () => {
    const prepared = await prepareEvent(extensionSettings(), fullPurchaseSettings(), xdmEvent(), NOW_MS);
    expect(JSON.parse(prepared.request.body)).toStrictEqual({
      events: [
        {
          eventDescription: {
            name: 'Purchase',
            conversionType: 'OFF_AMAZON_PURCHASES',
            eventSource: 'WEBSITE',
            eventIngestionMethod: 'SERVER_TO_SERVER',
            dataSetName: 'Web_Conversions'
          },
          eventTime: EVENT_TIME,
          eventId: 'order-100234',
          countryCode: 'US',
          matchKeys: matchKeys(EXPECTED_HASHES.PHONE_EVENTS),
          value: 104.99,
          currencyCode: 'USD',
          unitsSold: 3,
          dataProcessingOptions: { options: 'LIMITED_DATA_USE' },
          consent,
          customData: [
            { name: 'product', dataType: 'STRING', value: 'SKU_123' },
            { name: 'category', dataType: 'STRING', value: 'headphones' },
            { name: 'brand', dataType: 'STRING', value: 'acme' },
            { name: 'content_type', dataType: 'STRING', value: 'product' },
            { name: 'content_name', dataType: 'STRING', value: 'Acme_X' },
            { name: 'status', dataType: 'STRING', value: 'paid' },
            { name: 'coupon', dataType: 'STRING', value: 'SUMMER_24' },
            { name: 'basket_size', dataType: 'INTEGER', value: '3' }
          ]
        }
      ]
    });
    expect(prepared.request).toMatchObject({ api: 'events', region: 'NA', advertiserId: '5876543210123' });
    expect(prepared.request.credentials).toStrictEqual({
      clientId: 'amzn1.application-oa2-client.fake',
      accessToken: 'Atza|fake-access-token'
    });
  });

  it('leaves optional members out when nothing fills them', async () => {
    const prepared = await prepareEvent(
      extensionSettings({ pixelCode: undefined }),
      { event: { name: 'Lead', time: EVENT_TIME, countryCode: 'de' }, user: { email: 'user@example.com' } },
      {},
      NOW_MS
    );
    expect(JSON.parse(prepared.request.body)).toStrictEqual({
      events: [
        {
          eventDescription: {
            name: 'Lead',
            conversionType: 'LEAD',
            eventSource: 'WEBSITE',
            eventIngestionMethod: 'SERVER_TO_SERVER',
            dataSetName: 'Default_Events'
          },
          eventTime: EVENT_TIME,
          countryCode: 'DE',
          matchKeys: [{ type: 'EMAIL', values: [sha256('user@example.com')] }]
        }
      ]
    });
  });
});

describe('Conversions API v1 (legacy) body', () => {
  it('is exactly Amazon’s v1 shape for the same purchase', async () => {
    const prepared = await prepareEvent(extensionSettings({ api: 'legacy' }), fullPurchaseSettings(), xdmEvent(), NOW_MS);
    expect(JSON.parse(prepared.request.body)).toStrictEqual({
      eventData: [
        {
          name: 'Purchase',
          eventType: 'OFF_AMAZON_PURCHASES',
          eventActionSource: 'WEBSITE',
          countryCode: 'US',
          timestamp: EVENT_TIME,
          clientDedupeId: 'order-100234',
          matchKeys: matchKeys(EXPECTED_HASHES.PHONE_LEGACY),
          value: 104.99,
          currencyCode: 'USD',
          unitsSold: 3,
          dataProcessingOptions: ['LIMITED_DATA_USE'],
          consent,
          customAttributes: [
            { name: 'productId', value: 'SKU_123' },
            { name: 'category', value: 'headphones' },
            { name: 'brand', value: 'acme' },
            { name: 'attr1', value: 'product' },
            { name: 'attr2', value: 'Acme X' },
            { name: 'attr5', value: 'paid' },
            { name: 'coupon', value: 'SUMMER 24' },
            { name: 'basket_size', value: '3' }
          ]
        }
      ],
      ingestionMethod: 'SERVER_TO_SERVER'
    });
  });
});

const MASKED: Record<string, string> = { MAID: '*****0001', RAMP_ID: '*****Id01', MATCH_ID: '*****0123' };

describe('log-safe body', () => {
  it('masks the IP address and raw identifiers and keeps everything else', async () => {
    const prepared = await prepareEvent(extensionSettings(), fullPurchaseSettings(), xdmEvent(), NOW_MS);
    const sent = JSON.parse(prepared.request.body) as { events: Array<Record<string, unknown>> };
    const logged = JSON.parse(prepared.request.bodyForLog) as { events: Array<Record<string, unknown>> };
    expect(logged).toStrictEqual(prepared.logSafeBody);
    const [sentEvent] = sent.events;
    const [loggedEvent] = logged.events;
    expect(loggedEvent).toStrictEqual({
      ...sentEvent,
      matchKeys: matchKeys(EXPECTED_HASHES.PHONE_EVENTS).map((key) => ({ ...key, values: [MASKED[key.type] ?? key.values[0]] })),
      consent: { ...consent, geo: { ipAddress: '203.0.x.x' } }
    });
    expect(prepared.request.bodyForLog).not.toContain('203.0.113.7');
    expect(prepared.request.bodyForLog).not.toContain('CUST000123');
  });
});
