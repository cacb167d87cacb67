/**
 * The events the benchmark sends: a realistic purchase (every hashed match key, raw identifiers,
 * IP address, consent, custom attributes and a two-line cart) and a minimal one (email only), with
 * obviously fake values. Each lists the normalised values the action hashes, written out by hand
 * from DESIGN §4, so the floor hashes exactly what the action hashes.
 */
import type { ApiName } from '../src/amazon/endpoints';
import { fullPurchaseSettings } from '../test/unit/action/fixtures';

export interface BenchEvent {
  readonly name: string;
  readonly api: ApiName;
  readonly extensionSettings: Record<string, unknown>;
  readonly actionSettings: Record<string, unknown>;
  readonly xdm: Record<string, unknown>;
  /** The values SHA-256 is applied to, by match key type, after normalising (DESIGN §4). */
  readonly hashInputs: Readonly<Record<string, string>>;
}

export const ACCESS_TOKEN = 'Atza|fake-access-token';

/** One minute ago: inside both APIs' time windows for the whole run. */
const EVENT_TIME = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();

export function extensionSettings(api: ApiName): Record<string, unknown> {
  return {
    pixelCode: 'Web_Conversions',
    accessToken: ACCESS_TOKEN,
    advertiserId: '5876543210123',
    clientId: 'amzn1.application-oa2-client.fake',
    region: 'NA',
    api
  };
}

const XDM = { _id: 'xdm-event-0001', timestamp: EVENT_TIME, placeContext: { geo: { countryCode: 'US' } } };

/** The unit tests' full purchase (every field set, mixed types and spellings), timed for now. */
const PURCHASE_SETTINGS = (() => {
  const settings = fullPurchaseSettings();
  return { ...settings, event: { ...(settings.event as Record<string, unknown>), time: EVENT_TIME } };
})();

function purchaseHashInputs(api: ApiName): Record<string, string> {
  return {
    EMAIL: 'test.user@example.com',
    PHONE: api === 'events' ? '+15555550100' : '15555550100',
    FIRST_NAME: 'jose',
    LAST_NAME: 'doe',
    ADDRESS: '123mainst',
    CITY: 'sanfrancisco',
    STATE: 'ca',
    POSTAL: 'h0h0h0'
  };
}

export function purchaseEvent(api: ApiName): BenchEvent {
  return {
    name: `purchase, ${api} API`,
    api,
    extensionSettings: extensionSettings(api),
    actionSettings: PURCHASE_SETTINGS,
    xdm: XDM,
    hashInputs: purchaseHashInputs(api)
  };
}

export function minimalEvent(api: ApiName): BenchEvent {
  return {
    name: `minimal (email only), ${api} API`,
    api,
    extensionSettings: extensionSettings(api),
    actionSettings: { event: { name: 'Lead', time: EVENT_TIME }, user: { email: 'user@example.com' } },
    xdm: XDM,
    hashInputs: { EMAIL: 'user@example.com' }
  };
}
