/**
 * Amazon's side of the contract, as the stand-in enforces it (docs: amazon-events-api.md §3, §4, §6).
 * Deliberately written out here instead of imported from `src/amazon/endpoints.ts`: the stand-in is
 * the oracle the product is tested against, so a wrong list in the product must not be mirrored.
 */

export const CONVERSION_TYPES: readonly string[] = [
  'ADD_TO_SHOPPING_CART',
  'APPLICATION',
  'CHECKOUT',
  'CONTACT',
  'LEAD',
  'OFF_AMAZON_PURCHASES',
  'MOBILE_APP_FIRST_START',
  'PAGE_VIEW',
  'SEARCH',
  'SIGN_UP',
  'SUBSCRIBE',
  'OTHER'
];

/** `eventActionSource` of the Conversions API v1. */
export const LEGACY_ACTION_SOURCES: readonly string[] = ['WEBSITE', 'ANDROID', 'IOS', 'FIRE_TV', 'OFFLINE'];
/** `eventDescription.eventSource` of the Events API: Amazon's own sample adds the partner source. */
export const EVENTS_API_SOURCES: readonly string[] = [...LEGACY_ACTION_SOURCES, 'MEASUREMENT_ATTRIBUTION_PARTNER'];

export const MATCH_KEY_TYPES: readonly string[] = [
  'EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL', 'MAID', 'RAMP_ID', 'MATCH_ID'
];
/** Match key types Amazon only accepts as SHA-256 digests. */
export const HASHED_MATCH_KEY_TYPES: readonly string[] = [
  'EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL'
];
export const SHA256_HEX = /^[a-f0-9]{64}$/;
export const MATCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export const CURRENCY_CODES: readonly string[] = [
  'AED', 'AUD', 'BRL', 'CAD', 'CNY', 'DKK', 'EUR', 'GBP', 'INR',
  'JPY', 'MXN', 'NOK', 'NZD', 'SAR', 'SEK', 'SGD', 'TRY', 'USD'
];

export const CONSENT_VALUES: readonly string[] = ['GRANTED', 'DENIED'];
export const LIMITED_DATA_USE = 'LIMITED_DATA_USE';
export const SERVER_TO_SERVER = 'SERVER_TO_SERVER';

export const DATA_SET_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{4,99}$/;
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
export const ATTRIBUTE_PATTERN = /^[A-Za-z0-9_]+$/;
export const CUSTOM_DATA_TYPES: readonly string[] = ['STRING', 'INTEGER', 'TIMESTAMP'];
export const MAX_ATTRIBUTES = 13;
export const MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH = 256;

export const MAX_EVENTS_PER_REQUEST = 500;
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface ApiRules {
  /** Index Amazon gives the first event in its 207 answer. */
  readonly firstIndex: 0 | 1;
  readonly maxMatchKeys: number;
  readonly maxAgeDays: number;
  readonly clientIdHeader: string;
}

export const EVENTS_API_RULES: ApiRules = {
  firstIndex: 0,
  maxMatchKeys: 14,
  maxAgeDays: 21,
  clientIdHeader: 'Amazon-Ads-ClientId'
};

export const LEGACY_API_RULES: ApiRules = {
  firstIndex: 1,
  maxMatchKeys: 11,
  maxAgeDays: 7,
  clientIdHeader: 'Amazon-Advertising-API-ClientId'
};
