/**
 * Every Amazon host, path and header name the extension uses, in one place, so an API change is a
 * one-file change. No other host is ever called: production settings have no endpoint field.
 */

export const REGIONS = ['NA', 'EU', 'FE'] as const;
export type Region = (typeof REGIONS)[number];

export const APIS = ['events', 'legacy'] as const;
export type ApiName = (typeof APIS)[number];

/** Amazon Ads API base URL per advertiser region. */
export const ADS_API_BASE_URLS: Readonly<Record<Region, string>> = {
  NA: 'https://advertising-api.amazon.com',
  EU: 'https://advertising-api-eu.amazon.com',
  FE: 'https://advertising-api-fe.amazon.com'
};

/** Login with Amazon token endpoint per region (refresh_token grant). */
export const LWA_TOKEN_URLS: Readonly<Record<Region, string>> = {
  NA: 'https://api.amazon.com/auth/o2/token',
  EU: 'https://api.amazon.co.uk/auth/o2/token',
  FE: 'https://api.amazon.co.jp/auth/o2/token'
};

export interface ApiProfile {
  /** Path appended to the regional base URL. */
  readonly path: string;
  /** Header that carries the Login with Amazon client id. */
  readonly clientIdHeader: string;
  /** Index Amazon gives the first event of a request in its 207 success/error arrays. */
  readonly firstIndex: 0 | 1;
  /** Oldest event Amazon accepts, in days. */
  readonly maxAgeDays: number;
}

export const API_PROFILES: Readonly<Record<ApiName, ApiProfile>> = {
  events: {
    path: '/adsApi/v1/create/events',
    clientIdHeader: 'Amazon-Ads-ClientId',
    firstIndex: 0,
    maxAgeDays: 21
  },
  legacy: {
    path: '/events/v1',
    clientIdHeader: 'Amazon-Advertising-API-ClientId',
    firstIndex: 1,
    maxAgeDays: 7
  }
};

export const ACCOUNT_ID_HEADER = 'Amazon-Ads-AccountId';

export function eventsUrl(region: Region, api: ApiName): string {
  return ADS_API_BASE_URLS[region] + API_PROFILES[api].path;
}

/** Events in the future by more than this are rejected (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export const CONVERSION_TYPES = [
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
] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];

export const ACTION_SOURCES = ['WEBSITE', 'ANDROID', 'IOS', 'FIRE_TV', 'OFFLINE'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

export const CURRENCY_CODES = [
  'AED', 'AUD', 'BRL', 'CAD', 'CNY', 'DKK', 'EUR', 'GBP', 'INR',
  'JPY', 'MXN', 'NOK', 'NZD', 'SAR', 'SEK', 'SGD', 'TRY', 'USD'
] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export const MATCH_KEY_TYPES = [
  'EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL', 'MAID', 'RAMP_ID', 'MATCH_ID'
] as const;
export type MatchKeyType = (typeof MATCH_KEY_TYPES)[number];

export const CONSENT_VALUES = ['GRANTED', 'DENIED'] as const;
export type ConsentValue = (typeof CONSENT_VALUES)[number];

/** Reporting attributes Amazon accepts per event (customData / customAttributes). */
export const MAX_CUSTOM_ATTRIBUTES = 13;
/** `legacy` customAttributes value limit. */
export const MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH = 256;
export const MAX_MATCH_ID_LENGTH = 100;

export const AMAZON_DOCS = {
  eventsApi: 'https://advertising.amazon.com/API/docs/en-us/guides/events/events',
  eventsHelp: 'https://advertising.amazon.com/help/GEDE65PCE2CL5P63',
  accessToken: 'https://advertising.amazon.com/API/docs/en-us/guides/get-started/retrieve-access-token'
} as const;
