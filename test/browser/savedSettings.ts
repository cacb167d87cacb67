/**
 * Settings the views save in real Chromium (asserted exactly by actionView/configurationView tests),
 * shared with test/engine/view-settings.test.ts, which runs them through the action unchanged.
 */
import { PICKED_TOKEN } from './harness';

export const CONFIGURATION_VIEW_SAVED_SETTINGS = {
  /** A fixed access token (Europe, legacy API). */
  accessToken: {
    pixelCode: 'Checkout_Events',
    accessToken: PICKED_TOKEN,
    advertiserId: '1234567890123',
    clientId: 'amzn1.application-oa2-client.0123456789abcdef',
    region: 'EU',
    api: 'legacy'
  },
  /** Automatic token renewal (North America, Events API). */
  tokenRenewal: {
    pixelCode: 'Default_Events',
    advertiserId: '1234567890123',
    clientId: 'amzn1.application-oa2-client.0123456789abcdef',
    region: 'NA',
    api: 'events',
    refreshToken: PICKED_TOKEN,
    clientSecret: PICKED_TOKEN
  }
} as const;

/** Every action field filled in: literals, options, rows and picked data elements. */
export const ACTION_VIEW_SAVED_SETTINGS = {
  event: { name: 'CompletePayment', time: PICKED_TOKEN, id: 'order-1001', actionSource: 'WEBSITE', countryCode: 'en-US' },
  user: {
    ipAddress: '203.0.113.7',
    email: 'user@example.com',
    phone: '+1 555 555 0100',
    externalId: 'customer_42',
    firstName: 'Jane',
    lastName: 'Doe',
    address: '1 Example Street',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    maid: 'fake-maid-0001',
    rampId: 'fake-ramp-0001'
  },
  properties: {
    price: 19.99,
    quantity: 2,
    contentType: 'product',
    contentId: 'sku_1',
    contentCategory: 'shoes',
    contentName: 'Trail shoe',
    currency: 'USD',
    value: 39.98,
    description: 'summer sale',
    query: 'trail shoes',
    status: 'paid',
    brand: 'Example',
    contents: PICKED_TOKEN
  },
  consent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED', tcf: 'CPfakeTCF', gpp: 'DBfakeGPP', limitedDataUse: true },
  customAttributes: [
    { name: 'coupon', value: 'SUMMER' },
    { name: 'items', value: '2', dataType: 'INTEGER' }
  ],
  dryRun: PICKED_TOKEN
};
