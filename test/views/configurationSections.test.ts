// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { accountForm } from '../../view/configuration/sections/account/form';
import { apiForm } from '../../view/configuration/sections/api/form';
import { tokenRenewalForm } from '../../view/configuration/sections/tokenRenewal/form';
import { fieldByKey } from '../../view/form/registryLookup';
import { plainSecretWarning } from '../../view/form/validateField';
import { CONFIGURATION_FIELDS } from '../../src/fields/registry';
import { configurationSchemaErrors, configurationView, withValues } from './support';

const NEW = { settings: null };
const SAVED = {
  settings: {
    pixelCode: 'Checkout_Events',
    accessToken: '{{Amazon access token}}',
    advertiserId: '1234567890123',
    clientId: 'amzn1.application-oa2-client.0123456789abcdef',
    region: 'EU',
    api: 'legacy'
  }
};

describe('account section', () => {
  it('starts a new configuration with the default data set and nothing else', () => {
    expect(accountForm.getInitValues(NEW)).toEqual({ pixelCode: 'Default_Events', accessToken: '', advertiserId: '', clientId: '' });
  });

  it('reads saved settings and saves them back unchanged', () => {
    const values = configurationView.init(SAVED);
    expect(values.account).toEqual({
      pixelCode: 'Checkout_Events',
      accessToken: '{{Amazon access token}}',
      advertiserId: '1234567890123',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef'
    });
    expect(accountForm.getSettings(values)).toEqual({
      pixelCode: 'Checkout_Events',
      accessToken: '{{Amazon access token}}',
      advertiserId: '1234567890123',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef'
    });
    expect(configurationView.settings(values)).toEqual(SAVED.settings);
    expect(configurationView.errors(values)).toEqual({});
  });

  it('asks for the required fields and for an access token when renewal is off', () => {
    expect(configurationView.errors(configurationView.init(NEW))).toEqual({
      'account.accessToken': 'Pick the Core Secret data element that holds the access token, or turn on automatic token renewal below.',
      'account.advertiserId': 'Enter the Advertiser Account ID, or pick a data element.',
      'account.clientId': 'Enter the Client ID, or pick a data element.'
    });
  });

  it('explains how to fix literal values that break the registry rules, and accepts data elements', () => {
    const values = withValues(configurationView.init(SAVED), {
      'account.pixelCode': 'ab',
      'account.advertiserId': 'ENTITY123',
      'account.clientId': 'has space'
    });
    expect(accountForm.validate(values, NEW)).toEqual({
      'account.pixelCode': 'Use 5 to 100 characters: a letter first, then letters, digits, "_" or "-".',
      'account.advertiserId': 'Use the numeric DSP advertiser ID (digits only), not the Entity ID.',
      'account.clientId': 'Paste the client ID without spaces.'
    });
    const tokens = withValues(values, {
      'account.pixelCode': '{{data set}}',
      'account.advertiserId': '{{advertiser}}',
      'account.clientId': 'amzn1.{{client}}'
    });
    expect(accountForm.validate(tokens, NEW)).toEqual({});
  });

  it('refuses literal header values fetch could not send, as the library does', () => {
    const values = withValues(configurationView.init(SAVED), {
      'account.accessToken': 'Atza|fake access token',
      'account.clientId': 'amzn1.application-oa2-client.fak€'
    });
    expect(accountForm.validate(values, NEW)).toMatchObject({
      'account.accessToken': 'Use printable ASCII characters only, without spaces (it is sent in an HTTP header).',
      'account.clientId': 'Use printable ASCII characters only, without spaces (it is sent in an HTTP header).'
    });
  });

  it('omits empty values and trims the rest', () => {
    const values = withValues(configurationView.init(SAVED), { 'account.pixelCode': '  ', 'account.advertiserId': ' 42 ' });
    expect(accountForm.getSettings(values)).toEqual({
      accessToken: '{{Amazon access token}}',
      advertiserId: '42',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef'
    });
  });

  it('warns, without blocking, when a secret is pasted instead of picked', () => {
    const accessToken = fieldByKey(CONFIGURATION_FIELDS, 'accessToken');
    expect(plainSecretWarning(accessToken, 'Atza|fake-access-token')).toBe(
      'This is saved in plain text in your property. Store it as an event-forwarding Secret and pick its Core Secret data element instead.'
    );
    expect(plainSecretWarning(accessToken, '{{Amazon access token}}')).toBeUndefined();
    const values = withValues(configurationView.init(SAVED), { 'account.accessToken': 'Atza|fake-access-token' });
    expect(configurationView.errors(values)).toEqual({});
  });
});

describe('api section', () => {
  it('defaults to North America and the Events API and saves the option values', () => {
    expect(apiForm.getInitValues(NEW)).toEqual({ region: 'NA', api: 'events' });
    expect(apiForm.getSettings(configurationView.init(SAVED))).toEqual({ region: 'EU', api: 'legacy' });
  });

  it('rejects a value that is not one of the options', () => {
    const values = withValues(configurationView.init(SAVED), { 'api.region': 'US' });
    expect(apiForm.validate(values, NEW)).toEqual({ 'api.region': 'Pick one of North America (NA), Europe (EU), Far East (FE).' });
  });
});

describe('token renewal section', () => {
  const renewal = {
    settings: { ...SAVED.settings, accessToken: undefined, refreshToken: '{{Amazon refresh token}}', clientSecret: '{{Amazon client secret}}' }
  };

  it('is off for a new configuration and on when a renewal credential is saved', () => {
    expect(tokenRenewalForm.getInitValues(NEW)).toEqual({ enabled: false, refreshToken: '', clientSecret: '' });
    expect(tokenRenewalForm.getInitValues(renewal)).toEqual({
      enabled: true,
      refreshToken: '{{Amazon refresh token}}',
      clientSecret: '{{Amazon client secret}}'
    });
  });

  it('makes the access token optional and saves both renewal credentials', () => {
    const values = configurationView.init(renewal);
    expect(configurationView.errors(values)).toEqual({});
    const settings = configurationView.settings(values);
    expect(settings).toEqual({
      pixelCode: 'Checkout_Events',
      advertiserId: '1234567890123',
      clientId: 'amzn1.application-oa2-client.0123456789abcdef',
      region: 'EU',
      api: 'legacy',
      refreshToken: '{{Amazon refresh token}}',
      clientSecret: '{{Amazon client secret}}'
    });
    expect(configurationSchemaErrors(settings)).toEqual([]);
  });

  it('needs both credentials once switched on', () => {
    const values = withValues(configurationView.init(renewal), { 'tokenRenewal.clientSecret': '' });
    expect(configurationView.errors(values)).toEqual({
      'tokenRenewal.clientSecret':
        'Pick the Core Secret data element that holds the Client Secret: renewal needs both the refresh token and the client secret.'
    });
  });

  it('saves neither credential when switched off, so the access token is required again', () => {
    const values = withValues(configurationView.init(renewal), { 'tokenRenewal.enabled': false });
    expect(tokenRenewalForm.getSettings(values)).toEqual({});
    expect(Object.keys(configurationView.errors(values))).toEqual(['account.accessToken']);
  });
});
