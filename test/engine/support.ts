/** Shared pieces of the engine tests: properties, events and independently computed hashes. */
import { createHash } from 'node:crypto';
import type { EdgeRequest } from '../../scripts/engine/harness';
import {
  CORE_VALUE_COMPARISON_MODULE,
  pathDataElement,
  secretDataElement,
  SEND_WEB_EVENT_MODULE,
  type PropertyDefinition,
  type RuleDefinition
} from '../../scripts/engine/property';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const ACCESS_TOKEN = 'Atza|fake-access-token';
export const ACCESS_TOKEN_SECRET_ID = 'SE-amazon-access-token';
export const ADVERTISER_ID = '1234567890123';
export const CLIENT_ID = 'amzn1.application-oa2-client.fake0123456789abcdef';

/** Data elements reading the test event (see purchaseRequest). */
export const DATA_ELEMENTS: PropertyDefinition['dataElements'] = {
  'Amazon access token': secretDataElement(ACCESS_TOKEN_SECRET_ID, 'Amazon access token'),
  'Event time': pathDataElement('arc.event.xdm.timestamp'),
  'Order ID': pathDataElement('arc.event.xdm.commerce.order.purchaseID'),
  'Order total': pathDataElement('arc.event.xdm.commerce.order.priceTotal'),
  Cart: pathDataElement('arc.event.data.cart'),
  Email: pathDataElement('arc.event.data.customer.email'),
  'Custom attributes': pathDataElement('arc.event.data.attributes'),
  'Dry run': pathDataElement('arc.event.data.dryRun'),
  Channel: pathDataElement('arc.event.data.channel')
};

export function extensionSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pixelCode: 'Default_Events',
    accessToken: '{{Amazon access token}}',
    advertiserId: ADVERTISER_ID,
    clientId: CLIENT_ID,
    region: 'NA',
    api: 'events',
    ...overrides
  };
}

/** A purchase: event name literal, time and total as whole tokens, event id as a mixed string. */
export const PURCHASE_SETTINGS = {
  event: { name: 'Purchase', time: '{{Event time}}', id: 'order-{{Order ID}}', countryCode: 'us' },
  user: { email: '{{Email}}', phone: '+1 (555) 555-0100', ipAddress: '203.0.113.7' },
  properties: { value: '{{Order total}}', currency: 'USD', contents: '{{Cart}}' }
};

export function sendRule(id: string, settings: Record<string, unknown>, conditions: RuleDefinition['conditions'] = []): RuleDefinition {
  return { id, name: `Rule ${id}`, conditions, actions: [{ modulePath: SEND_WEB_EVENT_MODULE, settings }] };
}

export function channelIs(channel: string): NonNullable<RuleDefinition['conditions']>[number] {
  return { modulePath: CORE_VALUE_COMPARISON_MODULE, settings: { leftOperand: '{{Channel}}', comparison: { operator: 'equals' }, rightOperand: channel } };
}

export function property(rules: RuleDefinition[], settings: Record<string, unknown> = {}): PropertyDefinition {
  return { extensions: { 'amazon-web-events-api': { settings: extensionSettings(settings) } }, dataElements: DATA_ELEMENTS, rules };
}

/** One hour ago, whole milliseconds: inside both APIs' windows by the real clock. */
export function recentEventTime(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000).toISOString();
}

export function purchaseRequest(eventTime: string, data: Record<string, unknown> = {}): EdgeRequest {
  return {
    header: { httpHeaders: { 'x-request-id': 'req-engine-test' } },
    body: {
      xdm: {
        _id: 'xdm-event-0001',
        timestamp: eventTime,
        commerce: { order: { purchaseID: 'ORDER-1001', priceTotal: 59.98 } }
      },
      data: {
        channel: 'web',
        customer: { email: ' User@Example.com ' },
        cart: [
          { contentId: 'SKU_TRAIL_1', contentName: 'Trail shoe', contentCategory: 'shoes', brand: 'ExampleBrand', price: 24.99, quantity: 2 },
          { contentId: 'SKU_SOCK_3', contentName: 'Wool socks', contentCategory: 'socks', brand: 'ExampleBrand', price: 10, quantity: 1 }
        ],
        ...data
      }
    }
  };
}

/** What Amazon must receive for PURCHASE_SETTINGS + purchaseRequest, per DESIGN §2 and §4. */
export function expectedPurchaseBody(api: 'events' | 'legacy', eventTime: string): unknown {
  const email = sha256('user@example.com');
  if (api === 'events') {
    return {
      events: [
        {
          eventDescription: {
            name: 'Purchase',
            conversionType: 'OFF_AMAZON_PURCHASES',
            eventSource: 'WEBSITE',
            eventIngestionMethod: 'SERVER_TO_SERVER',
            dataSetName: 'Default_Events'
          },
          eventTime,
          eventId: 'order-ORDER-1001',
          countryCode: 'US',
          matchKeys: [
            { type: 'EMAIL', values: [email] },
            { type: 'PHONE', values: [sha256('+15555550100')] }
          ],
          value: 59.98,
          currencyCode: 'USD',
          unitsSold: 3,
          consent: { geo: { ipAddress: '203.0.113.7' } },
          customData: [
            { name: 'product', dataType: 'STRING', value: 'SKU_TRAIL_1' },
            { name: 'category', dataType: 'STRING', value: 'shoes' },
            { name: 'brand', dataType: 'STRING', value: 'ExampleBrand' },
            { name: 'content_name', dataType: 'STRING', value: 'Trail_shoe' }
          ]
        }
      ]
    };
  }
  return {
    eventData: [
      {
        name: 'Purchase',
        eventType: 'OFF_AMAZON_PURCHASES',
        eventActionSource: 'WEBSITE',
        countryCode: 'US',
        timestamp: eventTime,
        clientDedupeId: 'order-ORDER-1001',
        matchKeys: [
          { type: 'EMAIL', values: [email] },
          { type: 'PHONE', values: [sha256('15555550100')] }
        ],
        value: 59.98,
        currencyCode: 'USD',
        unitsSold: 3,
        consent: { geo: { ipAddress: '203.0.113.7' } },
        customAttributes: [
          { name: 'productId', value: 'SKU_TRAIL_1' },
          { name: 'category', value: 'shoes' },
          { name: 'brand', value: 'ExampleBrand' },
          { name: 'attr2', value: 'Trail shoe' }
        ]
      }
    ],
    ingestionMethod: 'SERVER_TO_SERVER'
  };
}
