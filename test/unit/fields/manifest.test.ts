/**
 * extension.json is generated from the registry, valid for Adobe's edge platform, and its settings
 * schemas accept what the views save (literals and data element tokens) and refuse bad literals.
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../src/fields/manifest';
import { actionSchema, configurationSchema } from '../../../src/fields/manifestSchema';

const root = new URL('../../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const { version } = readJson('package.json') as { version: string };
const edgePackageSchema = createRequire(import.meta.url)('@adobe/reactor-turbine-schemas/schemas/extension-package-edge.json') as object;

const newAjv = () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
};

describe('extension.json', () => {
  it('is exactly what the registry generates (run npm run build:manifest after changing the registry)', () => {
    expect(readJson('extension.json')).toStrictEqual(buildManifest(version));
  });

  it('is a valid edge extension package for Adobe’s validator schema', () => {
    const validate = newAjv().compile(edgePackageSchema);
    const valid = validate(buildManifest(version));
    expect(validate.errors ?? []).toStrictEqual([]);
    expect(valid).toBe(true);
  });
});

const validateConfiguration = newAjv().compile(configurationSchema());
const validateAction = newAjv().compile(actionSchema());

describe('configuration schema', () => {
  it('accepts literal and token settings', () => {
    const literal = {
      pixelCode: 'Default_Events',
      accessToken: '{{Amazon access token}}',
      advertiserId: '5876543210123',
      clientId: 'amzn1.application-oa2-client.fake',
      region: 'EU',
      api: 'legacy'
    };
    expect(validateConfiguration(literal)).toBe(true);
    expect(
      validateConfiguration({
        pixelCode: '{{Data set}}',
        advertiserId: '{{Advertiser}}',
        clientId: '{{Client ID}}',
        refreshToken: '{{Refresh token}}',
        clientSecret: '{{Client secret}}'
      })
    ).toBe(true);
  });

  it.each([
    ['a non-numeric advertiser ID', { advertiserId: 'ENTITY1' }],
    ['a pixel code starting with a digit', { pixelCode: '1Default' }],
    ['an unknown region', { region: 'US' }],
    ['no access token and no refresh pair', { accessToken: undefined }],
    ['a refresh token without the client secret', { accessToken: undefined, refreshToken: '{{Refresh token}}' }],
    ['an unknown key', { endpoint: 'https://example.com' }]
  ])('refuses %s', (_label, overrides) => {
    const settings = { accessToken: '{{Token}}', advertiserId: '5876543210123', clientId: 'amzn1.application-oa2-client.fake', ...overrides };
    expect(validateConfiguration(JSON.parse(JSON.stringify(settings)))).toBe(false);
  });
});

describe('action schema', () => {
  const literal = {
    event: { name: 'Purchase', type: 'OFF_AMAZON_PURCHASES', time: '2026-08-20T14:04:28Z', id: 'order-1', actionSource: 'WEBSITE', countryCode: 'US' },
    user: { ipAddress: '203.0.113.7', email: 'user@example.com', phone: '+15555550100', externalId: 'CUST1', firstName: 'Jo' },
    properties: { price: 49.99, quantity: 2, contentType: 'product', currency: 'USD', value: 99.98, contentId: 'SKU_1' },
    consent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED', tcf: 'CPfakeTCF', limitedDataUse: true },
    customAttributes: [{ name: 'coupon', value: 'SUMMER24', dataType: 'STRING' }],
    dryRun: false
  };

  it('accepts literal settings', () => {
    expect(validateAction(literal)).toBe(true);
  });

  it('accepts a data element token in every field that allows one', () => {
    const tokens = {
      event: { name: '{{Event name}}', type: '{{Type}}', time: '{{xdm.timestamp}}', id: 'order-{{Order id}}', actionSource: '{{Source}}', countryCode: '{{Country}}' },
      user: { ipAddress: '{{IP}}', email: '{{Email}}', maid: '{{MAID}}' },
      properties: { price: '{{Price}}', quantity: '{{Quantity}}', currency: '{{Currency}}', contents: '{{Cart}}' },
      consent: { amznUserData: '{{Consent}}', limitedDataUse: '{{LDU}}' },
      customAttributes: '{{Attributes}}',
      dryRun: '{{Dry run}}'
    };
    expect(validateAction(tokens)).toBe(true);
  });

  it.each([
    ['no event section', { event: undefined }],
    ['a quantity of 0', { properties: { quantity: 0 } }],
    ['a fractional quantity', { properties: { quantity: 1.5 } }],
    ['a negative price', { properties: { price: -1 } }],
    ['an unknown currency', { properties: { currency: 'XYZ' } }],
    ['an unknown action source', { event: { name: 'Purchase', actionSource: 'BILLBOARD' } }],
    ['a dry-run flag as plain text', { dryRun: 'yes' }],
    ['a custom attribute name with spaces', { customAttributes: [{ name: 'bad name', value: 'x' }] }],
    ['an unknown user field', { user: { userAgent: 'Mozilla/5.0' } }]
  ])('refuses %s', (_label, overrides) => {
    expect(validateAction(JSON.parse(JSON.stringify({ ...literal, ...overrides })))).toBe(false);
  });
});
