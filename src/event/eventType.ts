/**
 * Amazon conversion type from an event name: Amazon's own enum or label, a common alias from other
 * platforms (TikTok, Meta, GA4), or OTHER. Case, spaces, "_" and "-" are ignored.
 */
import { CONVERSION_TYPES, type ConversionType } from '../amazon/endpoints';

const fold = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, '');

const ALIASES: ReadonlyArray<readonly [ConversionType, readonly string[]]> = [
  ['OFF_AMAZON_PURCHASES', ['Purchase', 'CompletePayment', 'PlaceAnOrder', 'Off-Amazon purchase', 'Off-Amazon purchases', 'Order']],
  ['ADD_TO_SHOPPING_CART', ['AddToCart', 'Add to shopping cart', 'add_to_cart']],
  ['CHECKOUT', ['InitiateCheckout', 'begin_checkout', 'AddPaymentInfo', 'Checkout']],
  ['SIGN_UP', ['CompleteRegistration', 'sign_up', 'SignUp']],
  ['SUBSCRIBE', ['Subscribe']],
  ['CONTACT', ['Contact']],
  ['LEAD', ['Lead', 'SubmitForm', 'generate_lead']],
  ['APPLICATION', ['SubmitApplication', 'Application']],
  ['SEARCH', ['Search']],
  ['PAGE_VIEW', ['ViewContent', 'PageView', 'page_view']],
  ['MOBILE_APP_FIRST_START', ['Mobile app first start', 'FirstOpen', 'first_open']]
];

const LOOKUP: ReadonlyMap<string, ConversionType> = new Map<string, ConversionType>([
  ...CONVERSION_TYPES.map((type) => [fold(type), type] as const),
  ...ALIASES.flatMap(([type, names]) => names.map((name) => [fold(name), type] as const))
]);

export function deriveConversionType(eventName: string): ConversionType {
  return LOOKUP.get(fold(eventName)) ?? 'OTHER';
}

export function isConversionType(value: string): value is ConversionType {
  return (CONVERSION_TYPES as readonly string[]).includes(value);
}

/** Names the view's Event Name combobox offers, each with the type it derives to. */
export const STANDARD_EVENT_NAMES: ReadonlyArray<{ readonly name: string; readonly type: ConversionType }> = [
  { name: 'Purchase', type: 'OFF_AMAZON_PURCHASES' },
  { name: 'AddToCart', type: 'ADD_TO_SHOPPING_CART' },
  { name: 'InitiateCheckout', type: 'CHECKOUT' },
  { name: 'AddPaymentInfo', type: 'CHECKOUT' },
  { name: 'CompleteRegistration', type: 'SIGN_UP' },
  { name: 'Subscribe', type: 'SUBSCRIBE' },
  { name: 'Contact', type: 'CONTACT' },
  { name: 'Lead', type: 'LEAD' },
  { name: 'SubmitForm', type: 'LEAD' },
  { name: 'SubmitApplication', type: 'APPLICATION' },
  { name: 'Search', type: 'SEARCH' },
  { name: 'ViewContent', type: 'PAGE_VIEW' },
  { name: 'PageView', type: 'PAGE_VIEW' },
  { name: 'MobileAppFirstStart', type: 'MOBILE_APP_FIRST_START' },
  { name: 'Other', type: 'OTHER' }
];
