/** The settings parser: coercion by field kind, defaults, one error naming every problem, no pollution. */
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/settings/parse';
import { SettingsError } from '../../../src/settings/problems';
import { ACCESS_TOKEN, extensionSettings } from '../action/fixtures';

const minimalAction = (sections: Record<string, unknown> = {}): Record<string, unknown> => ({
  event: { name: 'Purchase' },
  ...sections
});

const parseAction = (action: Record<string, unknown>) => parseSettings(extensionSettings(), action).action;

const errorOf = (run: () => unknown): SettingsError => {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('expected a SettingsError, nothing was thrown');
};

describe('extension settings', () => {
  it('applies the registry defaults for pixel code, region and API', () => {
    const { extension } = parseSettings(
      { advertiserId: ' 5876543210123 ', clientId: 'amzn1.application-oa2-client.fake', accessToken: ACCESS_TOKEN },
      minimalAction()
    );
    expect(extension).toStrictEqual({
      pixelCode: 'Default_Events',
      accessToken: ACCESS_TOKEN,
      advertiserId: '5876543210123',
      clientId: 'amzn1.application-oa2-client.fake',
      region: 'NA',
      api: 'events'
    });
  });

  it('accepts region and API in any case and a numeric advertiser ID from a data element', () => {
    const { extension } = parseSettings(extensionSettings({ region: 'eu', api: 'LEGACY', advertiserId: 5876543210123 }), minimalAction());
    expect(extension).toMatchObject({ region: 'EU', api: 'legacy', advertiserId: '5876543210123' });
  });

  it('accepts a refresh token and client secret instead of an access token', () => {
    const { extension } = parseSettings(
      extensionSettings({ accessToken: '', refreshToken: 'Atzr|fake-refresh-token', clientSecret: 'fake-client-secret' }),
      minimalAction()
    );
    expect(extension).not.toHaveProperty('accessToken');
    expect(extension).toMatchObject({ refreshToken: 'Atzr|fake-refresh-token', clientSecret: 'fake-client-secret' });
  });

  it('needs an access token unless the refresh pair is set, and the pair together', () => {
    expect(() => parseSettings(extensionSettings({ accessToken: undefined }), minimalAction())).toThrow(
      'Invalid settings: extension.accessToken is required unless a refresh token and client secret are configured.'
    );
    expect(() => parseSettings(extensionSettings({ refreshToken: 'Atzr|fake-refresh-token' }), minimalAction())).toThrow(
      'Invalid settings: extension.clientSecret is required with a refresh token.'
    );
    expect(() => parseSettings(extensionSettings({ clientSecret: 'fake-client-secret' }), minimalAction())).toThrow(
      'Invalid settings: extension.refreshToken is required with a client secret.'
    );
  });

  it('checks the pixel code, advertiser ID and client ID patterns on resolved values', () => {
    expect(() =>
      parseSettings(extensionSettings({ pixelCode: '1bad', advertiserId: 'ENTITY123', clientId: 'has space' }), minimalAction())
    ).toThrow(
      'Invalid settings: extension.pixelCode is not valid: use 5 to 100 characters: a letter first, then letters, digits, "_" or "-"; ' +
        'extension.advertiserId is not valid: use the numeric DSP advertiser ID (digits only), not the Entity ID; ' +
        'extension.clientId is not valid: paste the client ID without spaces.'
    );
  });

  it('reports a configuration that is not an object', () => {
    expect(() => parseSettings('nonsense', minimalAction())).toThrow('Invalid settings: extension must be an object.');
  });
});

describe('one error for every problem', () => {
  it('lists every bad path and why, never a value', () => {
    const error = errorOf(() =>
      parseSettings(extensionSettings({ advertiserId: 'ENTITY-SECRET-ish', accessToken: { token: ACCESS_TOKEN } }), {
        event: { name: '  ', actionSource: 'billboard' },
        user: { email: { address: 'user@example.com' } },
        properties: { quantity: '0', price: '-1', value: 'lots', contents: [{ price: 'cheap' }, 'SKU_1'] },
        consent: { amznUserData: 'maybe', limitedDataUse: 'perhaps' },
        customAttributes: [{ value: 'orphan' }]
      })
    );
    expect(error.message).toBe(
      'Invalid settings: ' +
        [
          'extension.accessToken must be text',
          'extension.advertiserId is not valid: use the numeric DSP advertiser ID (digits only), not the Entity ID',
          'event.name is required',
          'event.actionSource must be one of WEBSITE, ANDROID, IOS, FIRE_TV, OFFLINE',
          'user.email must be text',
          'properties.price must be a number from 0 to 1000000000000',
          'properties.quantity must be a whole number greater than 0',
          'properties.value must be a number from 0 to 1000000000000',
          'properties.contents[0].price must be a number from 0 to 1000000000000',
          'properties.contents[1] must be an object',
          'consent.amznUserData must be one of GRANTED, DENIED',
          'consent.limitedDataUse must be true or false',
          'customAttributes[0].name is required when a value is set'
        ].join('; ') +
        '.'
    );
    for (const value of ['ENTITY-SECRET-ish', ACCESS_TOKEN, 'user@example.com', 'billboard', 'cheap', 'SKU_1', 'orphan', 'maybe', 'lots']) {
      expect(error.message).not.toContain(value);
    }
    expect(error.problems).toHaveLength(13);
  });

  it('reports action settings that are not an object, and a section that is not one', () => {
    expect(() => parseSettings(extensionSettings(), null)).toThrow('Invalid settings: settings must be an object.');
    expect(() => parseSettings(extensionSettings(), { event: { name: 'Lead' }, user: ['user@example.com'] })).toThrow(
      'Invalid settings: user must be an object.'
    );
  });
});

describe('coercion by field kind', () => {
  it('text: trims, turns numbers into text, and treats empty or null as not set', () => {
    const { event, user } = parseAction({ event: { name: ' Purchase ', id: 100234, countryCode: null }, user: { email: '   ' } });
    expect(event).toStrictEqual({ name: 'Purchase', id: '100234', actionSource: 'WEBSITE' });
    expect(user).toStrictEqual({});
  });

  it('numbers: from numbers or numeric strings', () => {
    const { properties } = parseAction(minimalAction({ properties: { price: '49.99', quantity: ' 2 ', value: 0 } }));
    expect(properties).toStrictEqual({ price: 49.99, quantity: 2, value: 0, contents: [] });
  });

  it('numbers: a fractional quantity is refused', () => {
    expect(() => parseAction(minimalAction({ properties: { quantity: 1.5 } }))).toThrow(
      'Invalid settings: properties.quantity must be a whole number greater than 0.'
    );
  });

  it('booleans: from booleans, 1/0 and words', () => {
    for (const [input, expected] of [
      [true, true],
      ['Yes', true],
      [1, true],
      ['on', true],
      ['false', false],
      ['0', false],
      ['off', false],
      ['', false]
    ] as const) {
      expect(parseAction(minimalAction({ dryRun: input })).dryRun).toBe(expected);
    }
  });

  it('enums: case-insensitive, by value or label, to the canonical value', () => {
    const { event, properties } = parseAction({
      event: { name: 'Purchase', type: 'off amazon purchases', actionSource: 'fire tv' },
      properties: { currency: 'eur', contentType: 'Product Group' }
    });
    expect(event).toMatchObject({ type: 'OFF_AMAZON_PURCHASES', actionSource: 'FIRE_TV' });
    expect(properties).toMatchObject({ currency: 'EUR', contentType: 'product_group' });
  });

  it('consent: loose inputs become GRANTED or DENIED', () => {
    const cases: Array<[unknown, string]> = [
      [true, 'GRANTED'], ['yes', 'GRANTED'], ['1', 'GRANTED'], [1, 'GRANTED'], ['granted', 'GRANTED'], ['On', 'GRANTED'],
      [false, 'DENIED'], ['no', 'DENIED'], ['0', 'DENIED'], [0, 'DENIED'], ['Denied', 'DENIED'], ['off', 'DENIED']
    ];
    for (const [input, expected] of cases) {
      const { consent } = parseAction(minimalAction({ consent: { amznUserData: input, amznAdStorage: input } }));
      expect(consent).toStrictEqual({ amznUserData: expected, amznAdStorage: expected, limitedDataUse: false });
    }
  });

  it('contents: an array or JSON text of items, snake_case keys accepted, unknown keys ignored', () => {
    const fromArray = parseAction(
      minimalAction({ properties: { contents: [{ price: '10', quantity: 2, content_id: 'SKU_1', colour: 'red' }] } })
    );
    expect(fromArray.properties.contents).toStrictEqual([{ price: 10, quantity: 2, contentId: 'SKU_1' }]);
    const emptyFields = parseAction(minimalAction({ properties: { contents: [{ price: 2, contentName: '  ', brand: null }] } }));
    expect(emptyFields.properties.contents).toStrictEqual([{ price: 2 }]);
    const fromJson = parseAction(minimalAction({ properties: { contents: '[{"price":1.5,"contentName":"Sock"}]' } }));
    expect(fromJson.properties.contents).toStrictEqual([{ price: 1.5, contentName: 'Sock' }]);
    expect(() => parseAction(minimalAction({ properties: { contents: { price: 1 } } }))).toThrow(
      'Invalid settings: properties.contents must be a list (an array, or a data element returning one).'
    );
  });

  it('custom attributes: values become text, data types are canonical, blank rows are dropped', () => {
    const { customAttributes } = parseAction(
      minimalAction({
        customAttributes: [
          { name: 'coupon', value: 'SUMMER24' },
          { name: 'basket_size', value: 3, dataType: 'integer' },
          { name: 'gift', value: false },
          { name: '', value: '' },
          { name: 'empty', value: null }
        ]
      })
    );
    expect(customAttributes).toStrictEqual([
      { name: 'coupon', value: 'SUMMER24' },
      { name: 'basket_size', value: '3', dataType: 'INTEGER' },
      { name: 'gift', value: 'false' }
    ]);
  });

  it('absent sections and lists parse as empty, booleans default to false', () => {
    expect(parseAction({ event: { name: 'Lead' } })).toStrictEqual({
      event: { name: 'Lead', actionSource: 'WEBSITE' },
      user: {},
      properties: { contents: [] },
      consent: { limitedDataUse: false },
      customAttributes: [],
      dryRun: false
    });
  });
});

describe('prototype pollution', () => {
  it('ignores __proto__ and constructor keys from data elements and pollutes nothing', () => {
    const hostile = JSON.parse(
      '{"event":{"name":"Lead","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}},' +
        '"user":{"email":"user@example.com","__proto__":{"isAdmin":true}},' +
        '"properties":{"contents":[{"price":1,"__proto__":{"polluted":"yes"}}]},' +
        '"customAttributes":[{"name":"__proto__","value":"x"},{"name":"a","value":"b","__proto__":{"polluted":"yes"}}],' +
        '"__proto__":{"dryRun":true}}'
    ) as Record<string, unknown>;
    const extension = JSON.parse(
      `{"advertiserId":"5876543210123","clientId":"amzn1.application-oa2-client.fake","accessToken":"${ACCESS_TOKEN}","__proto__":{"region":"EU"}}`
    ) as Record<string, unknown>;
    const parsed = parseSettings(extension, hostile);
    expect(parsed.extension.region).toBe('NA');
    expect(parsed.action.dryRun).toBe(false);
    expect(parsed.action.event).toStrictEqual({ name: 'Lead', actionSource: 'WEBSITE' });
    expect(parsed.action.user).toStrictEqual({ email: 'user@example.com' });
    expect(parsed.action.properties.contents).toStrictEqual([{ price: 1 }]);
    expect(parsed.action.customAttributes).toStrictEqual([
      { name: '__proto__', value: 'x' },
      { name: 'a', value: 'b' }
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.action.user)).toBe(Object.prototype);
  });
});
