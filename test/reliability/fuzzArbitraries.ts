/**
 * fast-check generators for the fuzz test: extension and action settings as data elements could
 * resolve them, each field a valid value or a hostile one of any kind (wrong type, unicode,
 * token-like text, `__proto__` keys), and arbitrary XDM.
 *
 * Every secret and raw personal value carries a marker of letters g–z (never hex, so never part of
 * a SHA-256 digest): finding the marker where it must not be is finding a leak. Raw ids (external
 * id, MAID, RampID) are sent to Amazon as they are, so they carry a marker of their own.
 */
import fc from 'fast-check';
import { ACTION_SOURCES, CONVERSION_TYPES, CURRENCY_CODES } from '../../src/amazon/endpoints';
import { STANDARD_EVENT_NAMES } from '../../src/event/eventType';

export interface FuzzCase {
  /** In every secret and hashed personal value. */
  marker: string;
  /** In every raw id. */
  rawIdMarker: string;
  /** The IP addresses generated for this case (sent raw, logged masked). */
  ipAddresses: string[];
  extension: unknown;
  action: unknown;
  arc: unknown;
}

const DAY_MS = 86_400_000;

/** Any value of any kind, prototype-polluting keys and token-like text included. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e21, Number.NaN, Infinity, '', ' ', '{{Email}}', 'null', '[object Object]'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.double(),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'value'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown)
);

/** A valid value mostly (about half of all cases keep every field valid), a hostile one otherwise. */
function field<T>(valid: fc.Arbitrary<T>, validWeight = 40): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: validWeight }, { arbitrary: hostile, weight: 1 });
}

const caseVariants = (text: string) =>
  fc.constantFrom(text, text.toUpperCase(), ` ${text} `, text.replace(/^./, (first) => first.toUpperCase()));

/** Seconds, milliseconds, ISO and the brief's colon-millis format, from `offsetMs` before now (read at generation time). */
function eventTime(offsetMs: number, format: number): unknown {
  const at = Date.now() - offsetMs;
  const iso = new Date(at).toISOString();
  switch (format) {
    case 0:
      return Math.floor(at / 1000);
    case 1:
      return String(at);
    case 2:
      return iso.replace(/\.(\d{3})Z$/, ':$1Z');
    default:
      return iso;
  }
}

const recentTime = fc.tuple(fc.integer({ min: 0, max: 6 * DAY_MS }), fc.integer({ min: 0, max: 3 })).map(([offset, format]) => eventTime(offset, format));
const outOfWindowTime = fc.oneof(
  fc.integer({ min: 6 * 60_000, max: DAY_MS }).map((ahead) => new Date(Date.now() + ahead).toISOString()),
  fc.integer({ min: 22 * DAY_MS, max: 400 * DAY_MS }).map((ago) => new Date(Date.now() - ago).toISOString())
);

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);

function userSection(marker: string, rawIdMarker: string): fc.Arbitrary<{ user: Record<string, unknown>; ipAddresses: string[] }> {
  const ipAddress = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map((last) => `203.0.113.${last}`),
    fc.integer({ min: 1, max: 0xffff }).map((last) => `2001:db8::${last.toString(16)}`)
  );
  return fc
    .record(
      {
        ipAddress: fc.oneof({ arbitrary: ipAddress, weight: 20 }, fc.constant(`ip-${marker}`), hostile),
        email: fc.oneof(
          { arbitrary: caseVariants(`${marker}@example.com`), weight: 30 },
          fc.constantFrom(`${marker}`, `${marker}@`, `@${marker}.example`, `${marker}@example`),
          hostile
        ),
        phone: fc.oneof(
          { arbitrary: digits(7).map((rest) => `+1555${rest}`), weight: 20 },
          digits(7).map((rest) => `001 (555) ${rest.slice(0, 3)}-${rest.slice(3)}`),
          fc.constant(`call-${marker}`),
          hostile
        ),
        firstName: field(caseVariants(`${marker}é`)),
        lastName: field(caseVariants(`${marker}son`)),
        address: field(fc.constant(`12 ${marker} Street`)),
        city: field(fc.constant(`${marker}ville`)),
        state: field(fc.constant(`${marker}`)),
        postalCode: field(fc.constant(`${marker} 1`)),
        externalId: field(fc.constantFrom(`ext_${rawIdMarker}`, `ext ${rawIdMarker}!`, `${rawIdMarker}`.repeat(12))),
        maid: field(fc.constant(`maid-${rawIdMarker}`)),
        rampId: field(fc.constant(`ramp${rawIdMarker}`))
      },
      { requiredKeys: [] }
    )
    .map((user) => ({ user, ipAddresses: [user.ipAddress].filter((ip): ip is string => typeof ip === 'string' && /^(203|2001)/.test(ip)) }));
}

const contentItem = fc.record(
  {
    price: field(fc.oneof(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constant('19.99'))),
    quantity: field(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant('2'))),
    contentId: field(word),
    contentName: field(fc.constantFrom('Trail shoe', 'Wool socks', 'Ünïcode näme ✓')),
    contentCategory: field(word),
    brand: field(word)
  },
  { requiredKeys: [] }
);

function actionSettings(marker: string, rawIdMarker: string) {
  return fc
    .record({
      event: fc.record(
        {
          name: field(fc.oneof(fc.constantFrom(...STANDARD_EVENT_NAMES.map(({ name }) => name)), word)),
          type: field(fc.constantFrom(...CONVERSION_TYPES, '')),
          time: fc.oneof({ arbitrary: recentTime, weight: 30 }, outOfWindowTime, hostile),
          id: field(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/)),
          actionSource: field(fc.constantFrom(...ACTION_SOURCES, 'website', 'ios')),
          countryCode: field(fc.constantFrom('US', 'us', 'en-US', 'DE', 'de-DE', 'GB', 'JP', 'FR'))
        }
      ),
      userSection: userSection(marker, rawIdMarker),
      properties: fc.record(
        {
          price: field(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant('49.99'))),
          quantity: field(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant('3'))),
          value: field(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant('59.98'))),
          currency: field(fc.constantFrom(...CURRENCY_CODES, 'usd', 'eur')),
          contentType: field(fc.constantFrom('product', 'product_group')),
          contentId: field(word),
          contentCategory: field(word),
          contentName: field(fc.constantFrom('Trail shoe', 'Ünïcode ✓')),
          description: field(fc.string({ unit: 'grapheme', maxLength: 40 })),
          query: field(fc.string({ maxLength: 20 })),
          status: field(word),
          brand: field(word),
          contents: field(fc.array(contentItem, { maxLength: 4 }))
        },
        { requiredKeys: [] }
      ),
      consent: fc.record(
        {
          amznUserData: field(fc.constantFrom('GRANTED', 'DENIED', true, false, 'yes', 'no', 1, 0)),
          amznAdStorage: field(fc.constantFrom('GRANTED', 'DENIED', 'granted', 'denied')),
          tcf: field(fc.constant('CPfakeTCFstring')),
          gpp: field(fc.constant('DBfakeGPPstring')),
          limitedDataUse: field(fc.boolean())
        },
        { requiredKeys: [] }
      ),
      customAttributes: field(
        fc.array(fc.record({ name: field(word), value: field(fc.oneof(word, fc.integer({ min: 0 }))) }), { maxLength: 16 })
      ),
      dryRun: fc.oneof({ arbitrary: fc.constant(false), weight: 30 }, { arbitrary: fc.constant(true), weight: 3 }, hostile)
    })
    .map(({ userSection: { user, ipAddresses }, ...sections }) => ({ action: { ...sections, user }, ipAddresses }));
}

function extensionSettings(marker: string) {
  const renewal = fc.oneof(
    { arbitrary: fc.constant({}), weight: 20 },
    { arbitrary: fc.constant({ refreshToken: `Atzr|fz-${marker}`, clientSecret: `cs-fz-${marker}` }), weight: 10 },
    fc.constant({ refreshToken: `Atzr|fz-${marker}` }),
    fc.constant({ clientSecret: `cs-fz-${marker}` }),
    fc.record({ refreshToken: hostile, clientSecret: hostile })
  );
  const accessToken = fc.oneof({ arbitrary: fc.constant(`Atza|fz-${marker}`), weight: 40 }, hostile);
  return fc
    .record({
      pixelCode: field(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{4,20}$/)),
      advertiserId: field(digits(13)),
      clientId: field(fc.constant('amzn1.application-oa2-client.fuzz')),
      region: field(fc.constantFrom('NA', 'EU', 'FE', 'na', 'eu')),
      api: field(fc.constantFrom('events', 'legacy')),
      renewal,
      accessToken
    })
    .map(({ renewal: credentials, ...settings }) => ({ ...settings, ...credentials }));
}

const xdm = fc.oneof(
  {
    arbitrary: fc.record(
      {
        _id: fc.stringMatching(/^[A-Za-z0-9-]{1,36}$/),
        timestamp: fc.integer({ min: 0, max: 6 * DAY_MS }).map((ago) => new Date(Date.now() - ago).toISOString()),
        placeContext: fc.record({ geo: fc.record({ countryCode: fc.constantFrom('US', 'DE', 'JP') }) })
      },
      { requiredKeys: [] }
    ),
    weight: 20
  },
  hostile
);

/** Letters g–z only: not hex, so never part of a digest, and not a word the extension would log. */
const marker = fc.stringMatching(/^[g-z]{12}$/);

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(marker, marker)
  .chain(([piiMarker, rawIdMarker]) =>
    fc.record({
      marker: fc.constant(piiMarker),
      rawIdMarker: fc.constant(rawIdMarker),
      extension: fc.oneof({ arbitrary: extensionSettings(piiMarker), weight: 40 }, hostile),
      actionWithIps: fc.oneof({ arbitrary: actionSettings(piiMarker, rawIdMarker), weight: 40 }, hostile.map((action) => ({ action, ipAddresses: [] }))),
      // Adobe always passes an arc object; what is inside it comes from the event.
      arc: fc.oneof({ arbitrary: xdm.map((value) => ({ event: { xdm: value }, ruleStash: {} })), weight: 40 }, hostile.map((event) => ({ event, ruleStash: {} })))
    })
  )
  .map(({ actionWithIps: { action, ipAddresses }, ...rest }) => ({ ...rest, action, ipAddresses }));
