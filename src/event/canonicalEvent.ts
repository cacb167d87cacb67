/**
 * The canonical event: everything Amazon needs to know about one conversion, resolved, normalised
 * and hashed, independent of the wire format. Pure apart from hashing (deterministic): parsed
 * settings + the XDM event + the current time in, event and warnings out; every reason the event
 * cannot be sent is collected into one SettingsError.
 */
import type { ActionSource, ApiName, ConversionType, CurrencyCode } from '../amazon/endpoints';
import type { ParsedSettings } from '../settings/parse';
import { SettingsError, type SettingsProblem } from '../settings/problems';
import type { PropertiesSettings } from '../settings/types';
import { buildAttributes, type ReportingAttribute } from './attributes';
import { buildConsent, type Consent } from './consent';
import { resolveCountryCode } from './country';
import { deriveConversionType } from './eventType';
import { resolveEventTime } from './eventTime';
import { buildMatchKeys, type MatchKey } from './matchKeys';
import { buildEventValue } from './value';
import { readOwnText } from './xdm';

export interface CanonicalEvent {
  readonly api: ApiName;
  readonly name: string;
  readonly conversionType: ConversionType;
  readonly actionSource: ActionSource;
  readonly countryCode: string;
  /** UTC ISO 8601 with milliseconds. */
  readonly time: string;
  readonly eventId?: string;
  readonly matchKeys: readonly MatchKey[];
  readonly value?: number;
  readonly currencyCode?: CurrencyCode;
  readonly unitsSold?: number;
  readonly limitedDataUse: boolean;
  readonly consent?: Consent;
  readonly attributes: readonly ReportingAttribute[];
}

export interface BuiltEvent {
  readonly event: CanonicalEvent;
  /** PII-free notes on what was dropped or changed; logged and returned in the summary. */
  readonly warnings: readonly string[];
}

const CART_FIELDS = ['contentId', 'contentName', 'contentCategory', 'brand'] as const;

/** The first cart line fills product fields left empty. */
function withFirstItem(properties: PropertiesSettings): PropertiesSettings {
  const first = properties.contents[0];
  if (first === undefined) return properties;
  const filled: PropertiesSettings = { ...properties };
  for (const key of CART_FIELDS) {
    if (filled[key] === undefined && first[key] !== undefined) filled[key] = first[key];
  }
  return filled;
}

const MATCH_KEY_FIELDS =
  'email, phone, first or last name, address, city, state, postal code, external ID, mobile advertising ID or LiveRamp ID';

export async function buildCanonicalEvent(settings: ParsedSettings, xdm: unknown, nowMs: number): Promise<BuiltEvent> {
  const { api, region } = settings.extension;
  const { event, user, consent: consentSettings, customAttributes } = settings.action;
  const problems: SettingsProblem[] = [];

  const time = resolveEventTime(event.time, xdm, nowMs, api);
  if ('problem' in time) problems.push(time.problem);
  const country = resolveCountryCode(event.countryCode, xdm);
  if ('problem' in country) problems.push(country.problem);

  const keys = await buildMatchKeys(user, api);
  if (keys.matchKeys.length === 0) {
    const dropped = keys.dropped.length > 0 ? ` (not valid: ${keys.dropped.join(', ')})` : '';
    problems.push({ path: 'user', reason: `needs at least one match key${dropped}: ${MATCH_KEY_FIELDS}` });
  }
  const consent = buildConsent(user.ipAddress, consentSettings, region);
  if (consent.problem) problems.push(consent.problem);
  const conversionType = event.type ?? deriveConversionType(event.name);
  const properties = withFirstItem(settings.action.properties);
  const value = buildEventValue(properties, conversionType);
  problems.push(...value.problems);

  if (problems.length > 0 || 'problem' in time || 'problem' in country) throw new SettingsError(problems);

  const attributes = buildAttributes(properties, customAttributes, api);
  const eventId = event.id ?? readOwnText(xdm, ['_id']);

  return {
    event: {
      api,
      name: event.name,
      conversionType,
      actionSource: event.actionSource,
      countryCode: country.countryCode,
      time: time.time,
      ...(eventId !== undefined ? { eventId } : {}),
      matchKeys: keys.matchKeys,
      ...value.eventValue,
      limitedDataUse: consentSettings.limitedDataUse,
      ...(consent.consent ? { consent: consent.consent } : {}),
      attributes: attributes.attributes
    },
    warnings: [...keys.warnings, ...consent.warnings, ...attributes.warnings]
  };
}
