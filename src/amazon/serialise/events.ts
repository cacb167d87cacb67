/**
 * Wire body of Amazon's Events API (`POST /adsApi/v1/create/events`), one event per request.
 * Field order follows Amazon's samples, so logged bodies read like the documentation.
 */
import type { CanonicalEvent } from '../../event/canonicalEvent';
import type { Consent } from '../../event/consent';
import type { CustomDataType } from '../../settings/types';
import type { ActionSource, ConversionType, CurrencyCode, MatchKeyType } from '../endpoints';

export interface EventsApiEvent {
  eventDescription: {
    name: string;
    conversionType: ConversionType;
    eventSource: ActionSource;
    eventIngestionMethod: 'SERVER_TO_SERVER';
    dataSetName: string;
  };
  eventTime: string;
  eventId?: string;
  countryCode: string;
  matchKeys: Array<{ type: MatchKeyType; values: [string] }>;
  value?: number;
  currencyCode?: CurrencyCode;
  unitsSold?: number;
  dataProcessingOptions?: { options: 'LIMITED_DATA_USE' };
  consent?: Consent;
  customData?: Array<{ name: string; dataType: CustomDataType; value: string }>;
}

export interface EventsApiBody {
  events: [EventsApiEvent];
}

export function serialiseEventsApiBody(event: CanonicalEvent, dataSetName: string): EventsApiBody {
  const wire: EventsApiEvent = {
    eventDescription: {
      name: event.name,
      conversionType: event.conversionType,
      eventSource: event.actionSource,
      eventIngestionMethod: 'SERVER_TO_SERVER',
      dataSetName
    },
    eventTime: event.time,
    ...(event.eventId !== undefined ? { eventId: event.eventId } : {}),
    countryCode: event.countryCode,
    matchKeys: event.matchKeys.map(({ type, value }) => ({ type, values: [value] })),
    ...(event.value !== undefined ? { value: event.value } : {}),
    ...(event.currencyCode !== undefined ? { currencyCode: event.currencyCode } : {}),
    ...(event.unitsSold !== undefined ? { unitsSold: event.unitsSold } : {}),
    ...(event.limitedDataUse ? { dataProcessingOptions: { options: 'LIMITED_DATA_USE' } } : {}),
    ...(event.consent !== undefined ? { consent: event.consent } : {}),
    ...(event.attributes.length > 0
      ? {
          customData: event.attributes.map(({ name, value, dataType }) => ({ name, dataType: dataType ?? 'STRING', value }))
        }
      : {})
  };
  return { events: [wire] };
}
