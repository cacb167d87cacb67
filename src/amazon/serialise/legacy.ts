/**
 * Wire body of Amazon's Conversions API v1 (`POST /events/v1`), one event per request. It has no
 * data sets, so the pixel code is not sent.
 */
import type { CanonicalEvent } from '../../event/canonicalEvent';
import type { Consent } from '../../event/consent';
import type { ActionSource, ConversionType, CurrencyCode, MatchKeyType } from '../endpoints';

export interface LegacyApiEvent {
  name: string;
  eventType: ConversionType;
  eventActionSource: ActionSource;
  countryCode: string;
  timestamp: string;
  clientDedupeId?: string;
  matchKeys: Array<{ type: MatchKeyType; values: [string] }>;
  value?: number;
  currencyCode?: CurrencyCode;
  unitsSold?: number;
  dataProcessingOptions?: ['LIMITED_DATA_USE'];
  consent?: Consent;
  customAttributes?: Array<{ name: string; value: string }>;
}

export interface LegacyApiBody {
  eventData: [LegacyApiEvent];
  ingestionMethod: 'SERVER_TO_SERVER';
}

export function serialiseLegacyApiBody(event: CanonicalEvent): LegacyApiBody {
  const wire: LegacyApiEvent = {
    name: event.name,
    eventType: event.conversionType,
    eventActionSource: event.actionSource,
    countryCode: event.countryCode,
    timestamp: event.time,
    ...(event.eventId !== undefined ? { clientDedupeId: event.eventId } : {}),
    matchKeys: event.matchKeys.map(({ type, value }) => ({ type, values: [value] })),
    ...(event.value !== undefined ? { value: event.value } : {}),
    ...(event.currencyCode !== undefined ? { currencyCode: event.currencyCode } : {}),
    ...(event.unitsSold !== undefined ? { unitsSold: event.unitsSold } : {}),
    ...(event.limitedDataUse ? { dataProcessingOptions: ['LIMITED_DATA_USE'] } : {}),
    ...(event.consent !== undefined ? { consent: event.consent } : {}),
    ...(event.attributes.length > 0
      ? { customAttributes: event.attributes.map(({ name, value }) => ({ name, value })) }
      : {})
  };
  return { eventData: [wire], ingestionMethod: 'SERVER_TO_SERVER' };
}
