// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CHECK_MESSAGES } from '../../src/fields/checks';
import { consentForm, EU_CONSENT_ERROR, EU_CONSENT_MESSAGE } from '../../view/actions/sendWebEvent/sections/consent/form';
import { customAttributesForm } from '../../view/actions/sendWebEvent/sections/customAttributes/form';
import { effectiveEventType } from '../../view/actions/sendWebEvent/sections/event/effectiveEventType';
import { eventForm } from '../../view/actions/sendWebEvent/sections/event/form';
import { propertiesForm } from '../../view/actions/sendWebEvent/sections/properties/form';
import { testingForm } from '../../view/actions/sendWebEvent/sections/testing/form';
import { MATCH_KEY_ERROR, MATCH_KEY_MESSAGE, userForm } from '../../view/actions/sendWebEvent/sections/user/form';
import { actionSchemaErrors, actionView, withValues } from './support';

const NEW = { settings: null, extensionSettings: { region: 'NA' } };
const EU = { settings: null, extensionSettings: { region: 'EU' } };

/** Saved settings as the view writes them for a fully filled-in purchase (fake personal data). */
const PURCHASE = {
  event: {
    name: 'Purchase',
    type: 'OFF_AMAZON_PURCHASES',
    time: '2026-05-01T10:00:00Z',
    id: 'order-1001',
    actionSource: 'WEBSITE',
    countryCode: 'US'
  },
  user: {
    ipAddress: '203.0.113.7',
    email: 'user@example.com',
    phone: '+15555550100',
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
    contents: [{ contentId: 'sku_1', price: 19.99, quantity: 2 }]
  },
  consent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED', tcf: 'CPfakeTCF', gpp: 'DBfakeGPP', limitedDataUse: true },
  customAttributes: [
    { name: 'coupon', value: 'SUMMER', dataType: 'STRING' },
    { name: 'items', value: '2' }
  ],
  dryRun: true
};

describe('event section', () => {
  it('starts with Website as action source and asks for the event name', () => {
    expect(eventForm.getInitValues(NEW)).toEqual({ name: '', type: '', time: '', id: '', actionSource: 'WEBSITE', countryCode: '' });
    const values = actionView.init(NEW);
    expect(eventForm.getSettings(values)).toEqual({ event: { actionSource: 'WEBSITE' } });
    expect(eventForm.validate(values, NEW)).toEqual({ 'event.name': 'Enter the Event Name, or pick a data element.' });
  });

  it('saves enum literals as their option values, whatever case or label was typed', () => {
    const values = withValues(actionView.init(NEW), {
      'event.name': 'AddToCart',
      'event.type': 'add to shopping cart',
      'event.actionSource': 'fire tv'
    });
    expect(eventForm.getSettings(values)).toEqual({ event: { name: 'AddToCart', type: 'ADD_TO_SHOPPING_CART', actionSource: 'FIRE_TV' } });
  });

  it('checks event time and country code literals with the shared checks', () => {
    const values = withValues(actionView.init(NEW), { 'event.name': 'Lead', 'event.time': 'yesterday', 'event.countryCode': 'XX', 'event.type': 'SALE' });
    expect(eventForm.validate(values, NEW)).toEqual({
      'event.time': CHECK_MESSAGES.eventTime,
      'event.countryCode': CHECK_MESSAGES.countryCode,
      'event.type':
        'Pick one of Add To Shopping Cart, Application, Checkout, Contact, Lead, Off Amazon Purchases, Mobile App First Start, Page View, Search, Sign Up, Subscribe, Other, or a data element.'
    });
    const fixed = withValues(values, { 'event.time': '2026-05-01T10:00:00:123+0200', 'event.countryCode': 'en-gb', 'event.type': '' });
    expect(eventForm.validate(fixed, NEW)).toEqual({});
  });

  it('shows the Amazon event type the name derives to, unless a type is picked', () => {
    expect(effectiveEventType('CompletePayment', '')).toEqual({ label: 'Off Amazon Purchases', source: 'derived from the event name' });
    expect(effectiveEventType('My custom event', '')).toEqual({ label: 'Other', source: 'derived from the event name' });
    expect(effectiveEventType('Purchase', 'LEAD')).toEqual({ label: 'Lead', source: 'set in Amazon Event Type' });
    expect(effectiveEventType('{{event name}}', '')?.label).toBe('Derived when sent');
    expect(effectiveEventType('', '')).toBeUndefined();
  });
});

describe('user section', () => {
  it('explains each malformed identifier and accepts data elements', () => {
    const values = withValues(actionView.init(NEW), {
      'user.email': 'not-an-address',
      'user.phone': '555-0100',
      'user.ipAddress': '203.0.113.300',
      'user.externalId': 'has space'
    });
    expect(userForm.validate(values, NEW)).toEqual({
      'user.email': CHECK_MESSAGES.email,
      'user.phone': CHECK_MESSAGES.phone,
      'user.ipAddress': CHECK_MESSAGES.ipAddress,
      'user.externalId': CHECK_MESSAGES.matchId
    });
    const tokens = withValues(values, {
      'user.email': '{{email}}',
      'user.phone': '{{phone}}',
      'user.ipAddress': '{{ip address}}',
      'user.externalId': 'crm-{{customer id}}'
    });
    expect(userForm.validate(tokens, NEW)).toEqual({});
    expect(userForm.getSettings(tokens)).toEqual({
      user: { email: '{{email}}', phone: '{{phone}}', ipAddress: '{{ip address}}', externalId: 'crm-{{customer id}}' }
    });
  });

  it('needs at least one match key, which the IP address is not', () => {
    expect(MATCH_KEY_MESSAGE).toBe(
      'Amazon matches people by at least one of: Email, Phone, External ID (Match ID), First Name, Last Name, Street Address, City, State or Province, Postal Code, Mobile Advertising ID, LiveRamp ID. Fill in one of them, or pick a data element for it.'
    );
    expect(userForm.validate(actionView.init(NEW), NEW)).toEqual({ [MATCH_KEY_ERROR]: MATCH_KEY_MESSAGE });
    expect(userForm.validate(withValues(actionView.init(NEW), { 'user.ipAddress': '203.0.113.7' }), NEW)).toEqual({
      [MATCH_KEY_ERROR]: MATCH_KEY_MESSAGE
    });
    expect(userForm.validate(withValues(actionView.init(NEW), { 'user.rampId': '{{ramp id}}' }), NEW)).toEqual({});
  });

  it('omits the section when nothing is filled in', () => {
    expect(userForm.getSettings(actionView.init(NEW))).toEqual({});
  });
});

describe('properties section', () => {
  it('saves literal numbers as numbers and tokens as strings', () => {
    const values = withValues(actionView.init(NEW), {
      'properties.price': ' 19.99 ',
      'properties.quantity': '{{quantity}}',
      'properties.value': '0',
      'properties.currency': 'eur',
      'properties.contents': '{{cart items}}'
    });
    expect(propertiesForm.validate(values, NEW)).toEqual({});
    expect(propertiesForm.getSettings(values)).toEqual({
      properties: { price: 19.99, quantity: '{{quantity}}', value: 0, currency: 'EUR', contents: '{{cart items}}' }
    });
  });

  it('says how to fix numbers, currency and contents', () => {
    const values = withValues(actionView.init(NEW), {
      'properties.price': '-1',
      'properties.quantity': '1.5',
      'properties.value': 'ten',
      'properties.currency': 'Euro',
      'properties.contentType': 'service',
      'properties.contents': 'sku_1, sku_2'
    });
    expect(propertiesForm.validate(values, NEW)).toEqual({
      'properties.price': 'Enter a number of 0 or more.',
      'properties.quantity': 'Enter a whole number such as 2.',
      'properties.value': 'Enter a number such as 19.99, or pick a data element.',
      'properties.currency':
        'Pick one of AED, AUD, BRL, CAD, CNY, DKK, EUR, GBP, INR, JPY, MXN, NOK, NZD, SAR, SEK, SGD, TRY, USD, or a data element.',
      'properties.contentType': 'Pick one of Product, Product group, or a data element.',
      'properties.contents':
        'Pick one data element that returns the cart as an array, or enter a JSON array such as [{"contentId":"sku-1","price":9.99,"quantity":1}].'
    });
    const zero = withValues(values, { 'properties.quantity': '0' });
    expect(propertiesForm.validate(zero, NEW)['properties.quantity']).toBe('Enter a number greater than 0.');
    const huge = withValues(values, { 'properties.value': '2000000000000' });
    expect(propertiesForm.validate(huge, NEW)['properties.value']).toBe('Enter a number of at most 1000000000000.');
  });

  it('accepts a literal JSON array for Contents and saves it as an array', () => {
    const values = withValues(actionView.init(NEW), { 'properties.contents': '[{"contentId":"sku_1","price":9.99,"quantity":1}]' });
    expect(propertiesForm.getSettings(values)).toEqual({ properties: { contents: [{ contentId: 'sku_1', price: 9.99, quantity: 1 }] } });
  });
});

describe('consent section', () => {
  it('needs a consent signal for the Europe region and names the fields that give one', () => {
    expect(EU_CONSENT_MESSAGE).toBe(
      "The extension configuration sends events to Amazon's Europe region, which rejects events without a consent signal. Fill in at least one of: IP Address, Amazon consent: user data, TCF consent string, GPP consent string."
    );
    expect(consentForm.validate(actionView.init(EU), EU)).toEqual({ [EU_CONSENT_ERROR]: EU_CONSENT_MESSAGE });
    expect(consentForm.validate(actionView.init(NEW), NEW)).toEqual({});
  });

  it.each([
    ['user.ipAddress', '203.0.113.7'],
    ['consent.amznUserData', 'GRANTED'],
    ['consent.tcf', '{{tcf string}}'],
    ['consent.gpp', 'DBfakeGPP']
  ])('is satisfied in Europe by %s alone', (path, value) => {
    expect(consentForm.validate(withValues(actionView.init(EU), { [path]: value }), EU)).toEqual({});
  });

  it('does not count ad storage consent, which Amazon only reads with user data consent', () => {
    expect(consentForm.validate(withValues(actionView.init(EU), { 'consent.amznAdStorage': 'GRANTED' }), EU)).toEqual({
      [EU_CONSENT_ERROR]: EU_CONSENT_MESSAGE
    });
  });

  it('reads typed option values as the library reads resolved ones', () => {
    const typed = withValues(actionView.init(NEW), { 'consent.amznUserData': 'yes', 'consent.amznAdStorage': 'no' });
    expect(consentForm.validate(typed, NEW)).toEqual({});
    expect(consentForm.getSettings(typed)).toEqual({ consent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED' } });
    const folded = withValues(actionView.init(NEW), { 'event.name': 'Lead', 'event.type': 'off_amazon-purchases', 'event.actionSource': 'FireTV' });
    expect(eventForm.getSettings(folded)).toEqual({ event: { name: 'Lead', type: 'OFF_AMAZON_PURCHASES', actionSource: 'FIRE_TV' } });
  });

  it('saves limited data use only when switched on, or as a whole data element', () => {
    const on = withValues(actionView.init(NEW), { 'consent.limitedDataUse': true, 'consent.amznUserData': 'granted' });
    expect(consentForm.getSettings(on)).toEqual({ consent: { amznUserData: 'GRANTED', limitedDataUse: true } });
    const token = withValues(actionView.init(NEW), { 'consent.limitedDataUse': '{{ldu}}' });
    expect(consentForm.getSettings(token)).toEqual({ consent: { limitedDataUse: '{{ldu}}' } });
    const mixed = withValues(actionView.init(NEW), { 'consent.limitedDataUse': 'yes {{ldu}}' });
    expect(consentForm.validate(mixed, NEW)).toEqual({ 'consent.limitedDataUse': 'Use the switch, or pick exactly one data element.' });
  });
});

describe('custom attributes section', () => {
  const rows = (list: { name: string; value: string; dataType: string }[]) =>
    withValues(actionView.init(NEW), { 'customAttributes.customAttributes': { mode: 'rows', rows: list, dataElement: '' } });

  it('saves filled rows, skips empty ones and leaves out an automatic data type', () => {
    const values = rows([
      { name: 'coupon', value: 'SUMMER', dataType: 'STRING' },
      { name: '', value: '', dataType: '' },
      { name: 'items', value: '{{item count}}', dataType: '' }
    ]);
    expect(customAttributesForm.validate(values, NEW)).toEqual({});
    expect(customAttributesForm.getSettings(values)).toEqual({
      customAttributes: [
        { name: 'coupon', value: 'SUMMER', dataType: 'STRING' },
        { name: 'items', value: '{{item count}}' }
      ]
    });
  });

  it('says what is wrong with each row', () => {
    const values = rows([
      { name: 'bad name', value: 'x', dataType: '' },
      { name: '', value: 'orphan', dataType: '' },
      { name: 'count', value: '', dataType: '' },
      { name: 'units', value: '2.5', dataType: 'INTEGER' }
    ]);
    expect(customAttributesForm.validate(values, NEW)).toEqual({
      'customAttributes.customAttributes.rows.0.name': CHECK_MESSAGES.attributeName,
      'customAttributes.customAttributes.rows.1.name': 'Enter the attribute name, or remove the row.',
      'customAttributes.customAttributes.rows.2.value': 'Enter a value, or remove the row.',
      'customAttributes.customAttributes.rows.3.value': 'Enter a whole number, or change the data type.'
    });
  });

  it('saves one data element in place of the rows, and only a whole one', () => {
    const token = withValues(actionView.init(NEW), {
      'customAttributes.customAttributes': { mode: 'dataElement', rows: [], dataElement: '{{attributes}}' }
    });
    expect(customAttributesForm.getSettings(token)).toEqual({ customAttributes: '{{attributes}}' });
    const mixed = withValues(token, { 'customAttributes.customAttributes': { mode: 'dataElement', rows: [], dataElement: 'a{{attributes}}' } });
    expect(customAttributesForm.validate(mixed, NEW)).toEqual({
      'customAttributes.customAttributes.dataElement': 'Pick exactly one data element that returns the list of {name, value} attributes.'
    });
  });
});

describe('testing section', () => {
  it('saves dry run only when it is on', () => {
    expect(testingForm.getSettings(actionView.init(NEW))).toEqual({});
    expect(testingForm.getSettings(withValues(actionView.init(NEW), { 'options.dryRun': true }))).toEqual({ dryRun: true });
  });
});

describe('the whole action view', () => {
  it('reloads saved settings into the form and saves exactly them again', () => {
    const initInfo = { settings: PURCHASE, extensionSettings: { region: 'EU' } };
    const values = actionView.init(initInfo);
    expect(values.properties?.price).toBe('19.99');
    expect(values.customAttributes?.customAttributes).toEqual({
      mode: 'rows',
      rows: [
        { name: 'coupon', value: 'SUMMER', dataType: 'STRING' },
        { name: 'items', value: '2', dataType: '' }
      ],
      dataElement: ''
    });
    expect(actionView.errors(values, initInfo)).toEqual({});
    expect(actionView.settings(values)).toEqual(PURCHASE);
    expect(actionSchemaErrors(PURCHASE)).toEqual([]);
  });
});
