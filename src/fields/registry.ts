/**
 * The one field registry. Every setting the extension saves is described here once: its key,
 * label, help, section, kind and rules. The manifest's JSON schemas (scripts/generate-manifest.ts),
 * the views' rows and validation, and the library's settings types and parser are all derived
 * from it; test/unit/fields/drift.test.ts fails when any of them disagrees.
 *
 * Saved settings are the product's public API: never rename a key, only add.
 */
import {
  ACTION_SOURCES,
  AMAZON_DOCS,
  APIS,
  CONSENT_VALUES,
  CONVERSION_TYPES,
  CURRENCY_CODES,
  REGIONS
} from '../amazon/endpoints';

/** How a field is entered and stored. */
export type FieldKind =
  /** Free text; a `{{data element}}` token, literal text, or both mixed. */
  | 'text'
  /** Like text, but masked in the view; meant for a Core Secret data element token. */
  | 'secret'
  /** One of `options` (a picker), or a `{{data element}}` token when `dataElement` is true. */
  | 'enum'
  /** A number literal, or a `{{data element}}` token. */
  | 'number'
  /** A switch, or a whole `{{data element}}` token. */
  | 'boolean'
  /** Repeatable name/value rows, or a whole token resolving to an array of them. */
  | 'attributes'
  /** A whole token resolving to an array of product objects. */
  | 'contents';

/** Named checks shared by the view (for literal values) and the library (for resolved values). */
export type CheckId =
  | 'eventTime'
  | 'countryCode'
  | 'email'
  | 'phone'
  | 'ipAddress'
  | 'matchId'
  | 'attributeName';

export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

export interface FieldDefinition {
  /** Key inside its section's settings object (or at the top level for the configuration). */
  readonly key: string;
  readonly section: string;
  readonly label: string;
  /** Help shown under the field; says what the value is, where it goes, and what happens to it. */
  readonly help: string;
  /** A link to Amazon's or Adobe's documentation for this field. */
  readonly docUrl?: string;
  readonly kind: FieldKind;
  /** Must be present in saved settings. */
  readonly required?: boolean;
  /** Accepts `{{data element}}` tokens (edge token syntax). */
  readonly dataElement: boolean;
  /** Rule for literal text values (JSON-schema `pattern` source, applied to the whole value). */
  readonly pattern?: string;
  /** What to do when `pattern` fails; shown by the view. */
  readonly patternHint?: string;
  readonly options?: readonly FieldOption[];
  /** Value a new form starts with. */
  readonly defaultValue?: string | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /** Exclusive lower bound (quantity must be > 0). */
  readonly exclusiveMinimum?: boolean;
  readonly integer?: boolean;
  readonly check?: CheckId;
  /** Sent as an HTTP header value: fetch refuses anything but printable ASCII there, on every attempt. */
  readonly httpHeader?: boolean;
  /** Personal data: never logged raw. */
  readonly personal?: boolean;
  /** Normalised and SHA-256 hashed by the library before sending. */
  readonly hashed?: boolean;
  readonly placeholder?: string;
}

export interface SectionDefinition {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

/**
 * A ceiling no real amount reaches (10^12 in any currency). Far above it a double can no longer
 * hold 2 exact decimals and Amazon refuses the event (fuzzing sent 1.8e306), so values are capped.
 */
export const MAX_AMOUNT = 1e12;

/** `{{data element}}` anywhere in a string (edge token syntax). */
export const TOKEN_SOURCE = '\\{\\{[^{}]+\\}\\}';
/** A string that is exactly one token; at runtime it keeps the data element's own type. */
export const WHOLE_TOKEN_SOURCE = '^\\{\\{[^{}]+\\}\\}$';

const options = (values: readonly string[], label: (value: string) => string = (value) => value): FieldOption[] =>
  values.map((value) => ({ value, label: label(value) }));

const titleCase = (value: string): string =>
  value
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Extension configuration
// ---------------------------------------------------------------------------------------------

export const CONFIGURATION_SECTIONS = [
  {
    id: 'account',
    label: 'Amazon account',
    description:
      'The Amazon Ads account and data set that receive the events. Store secrets as event-forwarding Secrets and reference them with Core Secret data elements.'
  },
  {
    id: 'api',
    label: 'API',
    description: 'Where events are sent.'
  },
  {
    id: 'tokenRenewal',
    label: 'Renew tokens automatically',
    description:
      'Login with Amazon access tokens expire after one hour. With a refresh token and client secret the extension mints and caches access tokens itself, and renews them when Amazon rejects one.'
  }
] as const satisfies readonly SectionDefinition[];

export const CONFIGURATION_FIELDS = [
  {
    key: 'pixelCode',
    section: 'account',
    label: 'Pixel Code',
    help: 'The Amazon data set that receives the events (Amazon\u2019s counterpart of a pixel), sent as the data set name. Keep the default Default_Events unless you created another data set in Amazon Events Manager; changing it later splits your data. The legacy API has no data sets and ignores it.',
    docUrl: AMAZON_DOCS.eventsApi,
    kind: 'text',
    dataElement: true,
    pattern: '^[A-Za-z][A-Za-z0-9_-]{4,99}$',
    patternHint: 'Use 5 to 100 characters: a letter first, then letters, digits, "_" or "-".',
    defaultValue: 'Default_Events',
    placeholder: 'Default_Events'
  },
  {
    key: 'accessToken',
    section: 'account',
    label: 'Access Token',
    help: 'A Login with Amazon access token with Events Manager permission on the advertiser. Pick a Core Secret data element; never paste the token itself. Required unless automatic token renewal is set up below.',
    docUrl: AMAZON_DOCS.accessToken,
    kind: 'secret',
    dataElement: true,
    httpHeader: true,
    placeholder: '{{Amazon access token}}'
  },
  {
    key: 'advertiserId',
    section: 'account',
    label: 'Advertiser Account ID',
    help: 'The numeric Amazon DSP advertiser ID, sent as the Amazon-Ads-AccountId header. It is not the Entity ID or a profile ID.',
    docUrl: AMAZON_DOCS.eventsHelp,
    kind: 'text',
    required: true,
    dataElement: true,
    pattern: '^[0-9]{1,20}$',
    patternHint: 'Use the numeric DSP advertiser ID (digits only), not the Entity ID.',
    placeholder: '1234567890123'
  },
  {
    key: 'clientId',
    section: 'account',
    label: 'Client ID',
    help: 'The client ID of your Login with Amazon application (amzn1.application-oa2-client.\u2026), sent with every request.',
    docUrl: AMAZON_DOCS.accessToken,
    kind: 'text',
    required: true,
    dataElement: true,
    pattern: '^[^\\s]{1,200}$',
    patternHint: 'Paste the client ID without spaces.',
    httpHeader: true,
    placeholder: 'amzn1.application-oa2-client.0123456789abcdef'
  },
  {
    key: 'region',
    section: 'api',
    label: 'Region',
    help: 'The Amazon Ads region of the advertiser: North America, Europe or Far East. It selects the API host and the Login with Amazon host. Europe requires a consent signal on every event.',
    kind: 'enum',
    dataElement: false,
    options: [
      { value: 'NA', label: 'North America (NA)' },
      { value: 'EU', label: 'Europe (EU)' },
      { value: 'FE', label: 'Far East (FE)' }
    ],
    defaultValue: 'NA'
  },
  {
    key: 'api',
    section: 'api',
    label: 'API',
    help: 'Events API is Amazon\u2019s current API (recommended). Conversions API v1 (legacy) is the older /events/v1 API, for accounts and integrations that still use it.',
    docUrl: AMAZON_DOCS.eventsApi,
    kind: 'enum',
    dataElement: false,
    options: [
      { value: 'events', label: 'Events API (recommended)' },
      { value: 'legacy', label: 'Conversions API v1 (legacy)' }
    ],
    defaultValue: 'events'
  },
  {
    key: 'refreshToken',
    section: 'tokenRenewal',
    label: 'Refresh Token',
    help: 'The Login with Amazon refresh token of a user with Events Manager permission. Pick a Core Secret data element. Needs the client secret too.',
    docUrl: AMAZON_DOCS.accessToken,
    kind: 'secret',
    dataElement: true,
    placeholder: '{{Amazon refresh token}}'
  },
  {
    key: 'clientSecret',
    section: 'tokenRenewal',
    label: 'Client Secret',
    help: 'The client secret of your Login with Amazon application. Pick a Core Secret data element. Needs the refresh token too.',
    docUrl: AMAZON_DOCS.accessToken,
    kind: 'secret',
    dataElement: true,
    placeholder: '{{Amazon client secret}}'
  }
] as const satisfies readonly FieldDefinition[];

// ---------------------------------------------------------------------------------------------
// Action "Send Amazon Web Events API Event"
// ---------------------------------------------------------------------------------------------

export const ACTION_SECTIONS = [
  {
    id: 'event',
    label: 'Web Events and Parameters',
    description: 'What happened and when. Share the Event ID with the Amazon Ad Tag so Amazon counts a conversion once.'
  },
  {
    id: 'user',
    label: 'User Context Parameters',
    description:
      'Who converted. Amazon matches people by these keys; at least one is needed. Email, phone, names, address, city, state and postal code are normalised and SHA-256 hashed for you; values that are already SHA-256 hashes are sent as they are.'
  },
  {
    id: 'properties',
    label: 'Properties Parameters',
    description:
      'What was bought or viewed. Value, currency and units go to Amazon\u2019s value fields (currency and units for purchases only); the rest become reporting attributes.'
  },
  {
    id: 'consent',
    label: 'Consent and privacy',
    description:
      'Consent signals sent with the event. Events for the Europe region need at least one: IP address, Amazon consent, TCF or GPP.'
  },
  {
    id: 'customAttributes',
    label: 'Custom attributes',
    description:
      'Extra reporting attributes (13 in all, counting the ones filled from the properties above). Names and values may use letters, digits and "_"; other characters become "_".'
  },
  {
    id: 'options',
    label: 'Testing',
    description: 'Build and log the request without sending it.'
  }
] as const satisfies readonly SectionDefinition[];

export const ACTION_FIELDS = [
  // --- event ---
  {
    key: 'name',
    section: 'event',
    label: 'Event Name',
    help: 'The name shown in Amazon Events Manager. Pick a standard event or type your own. Use the same name as the Amazon Ad Tag so shared events are deduplicated.',
    docUrl: AMAZON_DOCS.eventsApi,
    kind: 'text',
    required: true,
    dataElement: true,
    placeholder: 'Purchase'
  },
  {
    key: 'type',
    section: 'event',
    label: 'Amazon Event Type',
    help: 'Amazon\u2019s conversion type. Leave empty to derive it from the event name (Purchase \u2192 Off-Amazon purchases, AddToCart \u2192 Add to shopping cart, \u2026; unknown names \u2192 Other).',
    docUrl: AMAZON_DOCS.eventsApi,
    kind: 'enum',
    dataElement: true,
    options: options(CONVERSION_TYPES, titleCase)
  },
  {
    key: 'time',
    section: 'event',
    label: 'Event Time',
    help: 'When the event happened: ISO 8601 with a time zone (2026-05-01T10:00:00Z, 2026-05-01T12:00:00.123+02:00), yyyy-MM-dd\u2019T\u2019HH:mm:ss:SSSZ, or Unix seconds or milliseconds. Leave empty to use the XDM event\u2019s timestamp. Amazon rejects events older than 21 days (legacy API: 7 days) or in the future.',
    kind: 'text',
    dataElement: true,
    check: 'eventTime',
    placeholder: '{{xdm.timestamp}}'
  },
  {
    key: 'id',
    section: 'event',
    label: 'Event ID',
    help: 'The deduplication ID. Use the same ID the Amazon Ad Tag sends for this conversion, so Amazon counts it once. Leave empty to use the XDM event\u2019s _id, so re-sends of one event never count twice.',
    kind: 'text',
    dataElement: true,
    placeholder: '{{order id}}'
  },
  {
    key: 'actionSource',
    section: 'event',
    label: 'Action Source',
    help: 'Where the conversion happened. Website unless the event comes from an app, a Fire TV device or an offline store.',
    kind: 'enum',
    dataElement: true,
    options: options(ACTION_SOURCES, (value) => (value === 'IOS' ? 'iOS' : value === 'FIRE_TV' ? 'Fire TV' : titleCase(value))),
    defaultValue: 'WEBSITE'
  },
  {
    key: 'countryCode',
    section: 'event',
    label: 'Country Code',
    help: 'The customer\u2019s country as an ISO 3166-1 alpha-2 code (US, DE) or a locale (en-US). Leave empty to use the XDM event\u2019s placeContext.geo.countryCode. Amazon rejects events without one.',
    kind: 'text',
    dataElement: true,
    check: 'countryCode',
    placeholder: 'US'
  },
  // --- user ---
  {
    key: 'ipAddress',
    section: 'user',
    label: 'IP Address',
    help: 'The customer\u2019s IPv4 or IPv6 address. Not a match key: Amazon uses it as a geographic consent signal. Sent as is; masked in logs.',
    kind: 'text',
    dataElement: true,
    check: 'ipAddress',
    personal: true,
    placeholder: '{{ip address}}'
  },
  {
    key: 'email',
    section: 'user',
    label: 'Email',
    help: 'Trimmed, lower-cased and SHA-256 hashed before sending.',
    kind: 'text',
    dataElement: true,
    check: 'email',
    personal: true,
    hashed: true
  },
  {
    key: 'phone',
    section: 'user',
    label: 'Phone',
    help: 'In E.164 form with the country code (+15555550100). Spaces, dashes, dots and brackets are removed and a 00 prefix becomes +, then the number is SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    check: 'phone',
    personal: true,
    hashed: true
  },
  {
    key: 'externalId',
    section: 'user',
    label: 'External ID (Match ID)',
    help: 'Your own customer ID, sent as Amazon\u2019s MATCH_ID. It is not hashed: it must equal the match_id your Amazon Ad Tag sends. Letters, digits, "_" and "-", 100 characters at most.',
    kind: 'text',
    dataElement: true,
    check: 'matchId',
    personal: true
  },
  {
    key: 'firstName',
    section: 'user',
    label: 'First Name',
    help: 'Lower-cased, accents and non-alphanumeric characters removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'lastName',
    section: 'user',
    label: 'Last Name',
    help: 'Lower-cased, accents and non-alphanumeric characters removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'address',
    section: 'user',
    label: 'Street Address',
    help: 'Lower-cased, accents and non-alphanumeric characters removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'city',
    section: 'user',
    label: 'City',
    help: 'Lower-cased, accents and non-alphanumeric characters removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'state',
    section: 'user',
    label: 'State or Province',
    help: 'Preferably the two-letter code. Lower-cased, accents and non-alphanumeric characters removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'postalCode',
    section: 'user',
    label: 'Postal Code',
    help: 'Lower-cased with white space removed, then SHA-256 hashed.',
    kind: 'text',
    dataElement: true,
    personal: true,
    hashed: true
  },
  {
    key: 'maid',
    section: 'user',
    label: 'Mobile Advertising ID',
    help: 'The device\u2019s advertising ID (ADID, IDFA or Fire OS ID), sent as MAID without hashing.',
    kind: 'text',
    dataElement: true,
    personal: true
  },
  {
    key: 'rampId',
    section: 'user',
    label: 'LiveRamp ID',
    help: 'A LiveRamp RampID, sent as RAMP_ID without hashing.',
    kind: 'text',
    dataElement: true,
    personal: true
  },
  // --- properties ---
  {
    key: 'price',
    section: 'properties',
    label: 'Price',
    help: 'Unit price. With Quantity it gives the Value when Value is empty.',
    kind: 'number',
    dataElement: true,
    minimum: 0,
    maximum: MAX_AMOUNT
  },
  {
    key: 'quantity',
    section: 'properties',
    label: 'Quantity',
    help: 'Number of units, a whole number greater than 0. Sent as units sold for purchases.',
    kind: 'number',
    dataElement: true,
    minimum: 0,
    exclusiveMinimum: true,
    integer: true
  },
  {
    key: 'contentType',
    section: 'properties',
    label: 'Content Type',
    help: 'Whether the content is a product or a product group. Sent as the content_type reporting attribute.',
    kind: 'enum',
    dataElement: true,
    options: [
      { value: 'product', label: 'Product' },
      { value: 'product_group', label: 'Product group' }
    ]
  },
  {
    key: 'contentId',
    section: 'properties',
    label: 'Content ID',
    help: 'Product ID or SKU. Sent as the product reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'contentCategory',
    section: 'properties',
    label: 'Content Category',
    help: 'Product category. Sent as the category reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'contentName',
    section: 'properties',
    label: 'Content Name',
    help: 'Product name. Sent as the content_name reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'currency',
    section: 'properties',
    label: 'Currency',
    help: 'ISO 4217 currency of the value, one of the 18 Amazon accepts. Sent for purchases only.',
    kind: 'enum',
    dataElement: true,
    options: options(CURRENCY_CODES)
  },
  {
    key: 'value',
    section: 'properties',
    label: 'Value',
    help: 'The conversion value, rounded to 2 decimals. Leave empty to compute price \u00d7 quantity (or the sum over Contents).',
    kind: 'number',
    dataElement: true,
    minimum: 0,
    maximum: MAX_AMOUNT
  },
  {
    key: 'description',
    section: 'properties',
    label: 'Description',
    help: 'Sent as the description reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'query',
    section: 'properties',
    label: 'Query',
    help: 'The search query, for search events. Sent as the query reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'status',
    section: 'properties',
    label: 'Status',
    help: 'An order or subscription status. Sent as the status reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'brand',
    section: 'properties',
    label: 'Brand',
    help: 'Product brand. Sent as the brand reporting attribute.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'contents',
    section: 'properties',
    label: 'Contents',
    help: 'A data element that returns the cart as an array of {price, quantity, contentId, contentName, contentCategory, brand}. Gives the value and units when they are empty, and the first item fills empty product fields.',
    kind: 'contents',
    dataElement: true,
    placeholder: '{{cart items}}'
  },
  // --- consent ---
  {
    key: 'amznUserData',
    section: 'consent',
    label: 'Amazon consent: user data',
    help: 'Whether the customer consented to the use of their personal data for advertising. true/yes/1 and false/no/0 are understood too.',
    kind: 'enum',
    dataElement: true,
    options: options(CONSENT_VALUES, titleCase)
  },
  {
    key: 'amznAdStorage',
    section: 'consent',
    label: 'Amazon consent: ad storage',
    help: 'Whether the customer consented to cookies for advertising. Sent only together with the user data consent.',
    kind: 'enum',
    dataElement: true,
    options: options(CONSENT_VALUES, titleCase)
  },
  {
    key: 'tcf',
    section: 'consent',
    label: 'TCF consent string',
    help: 'The IAB TCF v2 consent string, as your consent platform encodes it.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'gpp',
    section: 'consent',
    label: 'GPP consent string',
    help: 'The IAB Global Privacy Platform string, as your consent platform encodes it.',
    kind: 'text',
    dataElement: true
  },
  {
    key: 'limitedDataUse',
    section: 'consent',
    label: 'Limited data use',
    help: 'Ask Amazon to process this event under limited data use (for example for US state privacy laws).',
    kind: 'boolean',
    dataElement: true,
    defaultValue: false
  },
  // --- custom attributes ---
  {
    key: 'customAttributes',
    section: 'customAttributes',
    label: 'Custom attributes',
    help: 'Name/value rows, or one data element returning [{name, value}]. Names and values may use letters, digits and "_".',
    kind: 'attributes',
    dataElement: true
  },
  // --- options ---
  {
    key: 'dryRun',
    section: 'options',
    label: 'Dry run',
    help: 'Build, validate and log the request (hashed) without sending it to Amazon. The rule succeeds and the request is stored in the rule stash.',
    kind: 'boolean',
    dataElement: true,
    defaultValue: false
  }
] as const satisfies readonly FieldDefinition[];

/**
 * Sections whose fields are saved under their own object key (`settings.event.name`); the others
 * ("customAttributes", "options") save their single field at the top level.
 */
export const NESTED_ACTION_SECTIONS = ['event', 'user', 'properties', 'consent'] as const;
export type NestedActionSection = (typeof NESTED_ACTION_SECTIONS)[number];

export type ConfigurationField = (typeof CONFIGURATION_FIELDS)[number];
export type ActionField = (typeof ACTION_FIELDS)[number];
export type ConfigurationKey = ConfigurationField['key'];

type KeysOfSection<S extends string> = Extract<ActionField, { section: S }>['key'];

/** Settings as saved by the views and resolved by Adobe: any field may hold any JSON type at runtime. */
export type RawConfigurationSettings = { [K in ConfigurationKey]?: unknown };
export type RawActionSettings = {
  [S in NestedActionSection]?: { [K in KeysOfSection<S>]?: unknown };
} & {
  customAttributes?: unknown;
  dryRun?: unknown;
};

/** Where a field sits in saved settings, as a dotted path (`event.name`, `dryRun`, `pixelCode`). */
export function actionFieldPath(field: Pick<FieldDefinition, 'key' | 'section'>): string {
  return (NESTED_ACTION_SECTIONS as readonly string[]).includes(field.section)
    ? `${field.section}.${field.key}`
    : field.key;
}

export const EXTENSION = {
  name: 'amazon-web-events-api',
  displayName: 'Amazon Web Events API Extension'
} as const;

export const SEND_WEB_EVENT_ACTION = {
  name: 'send-web-event',
  displayName: 'Send Amazon Web Events API Event'
} as const;

export { APIS, REGIONS };
