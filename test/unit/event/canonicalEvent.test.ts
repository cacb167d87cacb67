/** The canonical event: fallbacks, value rules, consent, reporting attributes and the final checks. */
import { describe, expect, it } from 'vitest';
import { buildCanonicalEvent } from '../../../src/event/canonicalEvent';
import { parseSettings } from '../../../src/settings/parse';
import { EVENT_TIME, NOW_MS, extensionSettings, sha256 } from '../action/fixtures';

const build = (action: Record<string, unknown>, extension: Record<string, unknown> = {}, xdm: unknown = {}) =>
  buildCanonicalEvent(parseSettings(extensionSettings(extension), action), xdm, NOW_MS);

const base = (overrides: { event?: object; user?: object; properties?: object; consent?: object; customAttributes?: unknown[] } = {}) => ({
  event: { name: 'Purchase', time: EVENT_TIME, countryCode: 'US', ...overrides.event },
  user: { email: 'user@example.com', ...overrides.user },
  properties: { ...overrides.properties },
  consent: { ...overrides.consent },
  customAttributes: overrides.customAttributes ?? []
});

describe('event fields', () => {
  it('falls back to the XDM event for time, id and country', async () => {
    const { event } = await build(
      { event: { name: 'Lead' }, user: { email: 'user@example.com' } },
      {},
      { _id: 'xdm-event-0001', timestamp: '2026-08-20T14:00:00Z', placeContext: { geo: { countryCode: 'gb' } } }
    );
    expect(event).toMatchObject({ time: '2026-08-20T14:00:00.000Z', eventId: 'xdm-event-0001', countryCode: 'GB' });
  });

  it('prefers the settings to the XDM event', async () => {
    const { event } = await build(
      base({ event: { id: 'order-1', countryCode: 'de-AT' } }),
      {},
      { _id: 'xdm-event-0001', placeContext: { geo: { countryCode: 'GB' } } }
    );
    expect(event).toMatchObject({ time: EVENT_TIME, eventId: 'order-1', countryCode: 'AT' });
  });

  it('derives the type from the name unless set, and defaults the action source to WEBSITE', async () => {
    expect((await build(base({ event: { name: 'AddToCart' } }))).event).toMatchObject({
      conversionType: 'ADD_TO_SHOPPING_CART',
      actionSource: 'WEBSITE'
    });
    expect((await build(base({ event: { name: 'Anything', type: 'lead', actionSource: 'ios' } }))).event).toMatchObject({
      conversionType: 'LEAD',
      actionSource: 'IOS'
    });
  });

  it('leaves the event ID out when neither the setting nor the XDM event has one', async () => {
    expect((await build(base())).event).not.toHaveProperty('eventId');
  });
});

describe('final checks, listed together', () => {
  it('names every reason the event cannot be sent in one error', async () => {
    await expect(
      build({ event: { name: 'Purchase', countryCode: 'Atlantis' }, user: { email: 'not-an-email' } }, { region: 'EU' })
    ).rejects.toThrow(
      'Invalid settings: event.time is required: it is empty and the XDM event has no timestamp; ' +
        'event.countryCode is not valid: use a two-letter ISO 3166-1 country code (US, GB, DE) or a locale such as en-US; ' +
        'user needs at least one match key (not valid: user.email): email, phone, first or last name, address, city, state, ' +
        'postal code, external ID, mobile advertising ID or LiveRamp ID; ' +
        'consent needs at least one signal for the EU region: a valid user.ipAddress, consent.amznUserData, consent.tcf or consent.gpp.'
    );
  });

  it('requires a country in the end', async () => {
    await expect(build(base({ event: { countryCode: '' } }), {}, { placeContext: { geo: {} } })).rejects.toThrow(
      'Invalid settings: event.countryCode is required: it is empty and the XDM event has no valid placeContext.geo.countryCode'
    );
  });

  it('requires at least one match key', async () => {
    await expect(build({ event: { name: 'Lead', time: EVENT_TIME, countryCode: 'US' }, user: { ipAddress: '203.0.113.7' } })).rejects.toThrow(
      'Invalid settings: user needs at least one match key: email, phone'
    );
  });
});

describe('EU consent rule', () => {
  it.each([
    ['an IP address', { user: { ipAddress: '2001:db8::7' } }],
    ['Amazon consent', { consent: { amznUserData: 'denied' } }],
    ['a TCF string', { consent: { tcf: 'CPfakeTCF' } }],
    ['a GPP string', { consent: { gpp: 'DBfakeGPP' } }]
  ])('is satisfied by %s', async (_label, overrides) => {
    await expect(build(base(overrides), { region: 'EU' })).resolves.toHaveProperty('event.consent');
  });

  it('is not satisfied by an invalid IP address or ad storage consent alone', async () => {
    await expect(
      build(base({ user: { ipAddress: '999.1.1.1' }, consent: { amznAdStorage: 'granted' } }), { region: 'EU' })
    ).rejects.toThrow('Invalid settings: consent needs at least one signal for the EU region');
  });

  it('does not apply to other regions', async () => {
    const { event } = await build(base(), { region: 'FE' });
    expect(event).not.toHaveProperty('consent');
  });
});

describe('consent', () => {
  it('sends Amazon consent only with user data consent, and says why ad storage was left out', async () => {
    const { event, warnings } = await build(
      base({ user: { ipAddress: 'bad-ip' }, consent: { amznAdStorage: 'yes', tcf: 'CPfakeTCF', limitedDataUse: true } })
    );
    expect(event.consent).toStrictEqual({ tcf: 'CPfakeTCF' });
    expect(event.limitedDataUse).toBe(true);
    expect(warnings).toStrictEqual([
      'user.ipAddress was not sent: it is not a valid IPv4 or IPv6 address.',
      'consent.amznAdStorage was not sent: Amazon accepts it only together with consent.amznUserData.'
    ]);
  });

  it('puts the IP address under geo', async () => {
    const { event } = await build(base({ user: { ipAddress: ' 2001:DB8::7 ' }, consent: { amznUserData: 1 } }));
    expect(event.consent).toStrictEqual({ geo: { ipAddress: '2001:db8::7' }, amazonConsent: { amznUserData: 'GRANTED' } });
  });
});

describe('value, units and currency', () => {
  it('rounds an explicit value to 2 decimals', async () => {
    expect((await build(base({ properties: { value: '10.005', price: 1, quantity: 1 } }))).event).toMatchObject({ value: 10.01 });
  });

  it('defaults to the sum over contents, counting a line without quantity once', async () => {
    const { event } = await build(
      base({ properties: { contents: [{ price: 0.1, quantity: 3 }, { price: 0.2 }, { quantity: 4 }], currency: 'gbp' } })
    );
    expect(event).toMatchObject({ value: 0.5, unitsSold: 8, currencyCode: 'GBP' });
  });

  it('defaults to price × quantity when both are set and there are no priced contents', async () => {
    expect((await build(base({ properties: { price: '49.99', quantity: 2 } }))).event).toMatchObject({ value: 99.98, unitsSold: 2 });
    expect((await build(base({ properties: { price: 49.99 } }))).event).not.toHaveProperty('value');
  });

  it('sends currency and units for purchases only, the value for every type', async () => {
    const { event } = await build(base({ event: { name: 'AddToCart' }, properties: { price: 5, quantity: 2, currency: 'USD' } }));
    expect(event).toMatchObject({ value: 10 });
    expect(event).not.toHaveProperty('currencyCode');
    expect(event).not.toHaveProperty('unitsSold');
  });

  it('refuses a value above 10^12, where doubles lose the 2 exact decimals (found by fuzzing: Amazon rejected 1.8e306)', async () => {
    // A given value is capped by the settings parser (before any hashing starts).
    expect(() => build(base({ properties: { value: 1.797693134862316e306 } }))).toThrow(
      'Invalid settings: properties.value must be a number from 0 to 1000000000000.'
    );
    await expect(build(base({ properties: { price: 1e12, quantity: 2 } }))).rejects.toThrow(
      'Invalid settings: properties price × quantity comes to more than 1000000000000; set Value.'
    );
    await expect(build(base({ properties: { quantity: 1e20 } }))).rejects.toThrow(
      'Invalid settings: properties.quantity must be at most 9007199254740991 units in all.'
    );
    expect((await build(base({ properties: { value: 999999999999.99 } }))).event).toMatchObject({ value: 999999999999.99 });
  });
});

describe('reporting attributes', () => {
  it('fills empty product fields from the first cart line', async () => {
    const { event } = await build(
      base({
        properties: {
          contentName: 'Chosen name',
          contents: [{ contentId: 'SKU_1', contentName: 'Cart name', contentCategory: 'shoes', brand: 'acme' }, { contentId: 'SKU_2' }]
        }
      })
    );
    expect(event.attributes).toStrictEqual([
      { name: 'product', value: 'SKU_1', dataType: 'STRING' },
      { name: 'category', value: 'shoes', dataType: 'STRING' },
      { name: 'brand', value: 'acme', dataType: 'STRING' },
      { name: 'content_name', value: 'Chosen_name', dataType: 'STRING' }
    ]);
  });

  it('keeps 13 at most and says which were dropped; a custom name already used is dropped too', async () => {
    const customAttributes = Array.from({ length: 8 }, (_, index) => ({ name: `extra_${index}`, value: `v${index}` }));
    const { event, warnings } = await build(
      base({
        properties: { contentId: 'SKU_1', contentCategory: 'c', brand: 'b', contentType: 'product', contentName: 'n', description: 'd', query: 'q', status: 's' },
        customAttributes: [{ name: 'brand', value: 'other' }, ...customAttributes]
      })
    );
    expect(event.attributes.map((attribute) => attribute.name)).toStrictEqual([
      'product', 'category', 'brand', 'content_type', 'content_name', 'description', 'query', 'status',
      'extra_0', 'extra_1', 'extra_2', 'extra_3', 'extra_4'
    ]);
    expect(warnings).toStrictEqual([
      'customAttributes[0] was not sent: the attribute brand is already set.',
      'Amazon accepts 13 reporting attributes at most; not sent: customAttributes[6], customAttributes[7], customAttributes[8].'
    ]);
  });

  it('Events API: folds names and values to [A-Za-z0-9_] and keeps a given data type', async () => {
    const { event } = await build(base({ customAttributes: [{ name: 'page-url', value: 'https://shop.example/a?b=1' }, { name: 'n', value: 12, dataType: 'INTEGER' }] }));
    expect(event.attributes).toStrictEqual([
      { name: 'page_url', value: 'https___shop_example_a_b_1', dataType: 'STRING' },
      { name: 'n', value: '12', dataType: 'INTEGER' }
    ]);
  });

  it('Events API: INTEGER needs digits and TIMESTAMP is sent as epoch milliseconds; misfits are dropped with a warning', async () => {
    const { event, warnings } = await build(
      base({
        customAttributes: [
          { name: 'cents', value: '4999', dataType: 'INTEGER' },
          { name: 'price', value: '49.99', dataType: 'INTEGER' },
          { name: 'shipped', value: '2026-05-01T10:00:00Z', dataType: 'TIMESTAMP' },
          { name: 'returned', value: 'next week', dataType: 'TIMESTAMP' }
        ]
      })
    );
    expect(event.attributes).toStrictEqual([
      { name: 'cents', value: '4999', dataType: 'INTEGER' },
      { name: 'shipped', value: String(Date.UTC(2026, 4, 1, 10)), dataType: 'TIMESTAMP' }
    ]);
    expect(warnings).toStrictEqual([
      'customAttributes[1] was not sent: an INTEGER attribute needs a whole number of 0 or more (send money in cents).',
      'customAttributes[3] was not sent: a TIMESTAMP attribute needs a time with a zone or Unix seconds/milliseconds.'
    ]);
  });

  it('v1 API: numbered slots, values kept as they are but cut at 256 characters with a warning', async () => {
    const { event, warnings } = await build(
      base({ properties: { contentType: 'product', description: 'd'.repeat(300), query: 'red shoes' }, customAttributes: [{ name: 'page url', value: 'a b' }] }),
      { api: 'legacy' }
    );
    expect(event.attributes).toStrictEqual([
      { name: 'attr1', value: 'product' },
      { name: 'attr3', value: 'd'.repeat(256) },
      { name: 'attr4', value: 'red shoes' },
      { name: 'page_url', value: 'a b' }
    ]);
    expect(warnings).toStrictEqual(['properties.description was cut to 256 characters.']);
  });
});

describe('match keys per API', () => {
  it('hashes the phone as +digits for the Events API and digits for the v1 API', async () => {
    const events = await build(base({ user: { email: '', phone: '+15555550100' } }));
    const legacy = await build(base({ user: { email: '', phone: '+15555550100' } }), { api: 'legacy' });
    expect(events.event.matchKeys).toStrictEqual([{ type: 'PHONE', value: sha256('+15555550100') }]);
    expect(legacy.event.matchKeys).toStrictEqual([{ type: 'PHONE', value: sha256('15555550100') }]);
  });
});
