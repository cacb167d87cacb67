/** Canonical event → the request body for the configured API, and its log-safe twin. */
import type { CanonicalEvent } from '../../event/canonicalEvent';
import { serialiseEventsApiBody, type EventsApiBody } from './events';
import { serialiseLegacyApiBody, type LegacyApiBody } from './legacy';
import { maskEvent } from './logSafe';

export type RequestBody = EventsApiBody | LegacyApiBody;

export function serialiseEvent(event: CanonicalEvent, dataSetName: string): RequestBody {
  return event.api === 'events' ? serialiseEventsApiBody(event, dataSetName) : serialiseLegacyApiBody(event);
}

export interface SerialisedRequest {
  /** Exactly what is sent. */
  readonly body: RequestBody;
  /** The same body with raw personal values masked: for logs, traces and the dry-run summary. */
  readonly logSafeBody: RequestBody;
}

export function serialiseRequest(event: CanonicalEvent, dataSetName: string): SerialisedRequest {
  return { body: serialiseEvent(event, dataSetName), logSafeBody: serialiseEvent(maskEvent(event), dataSetName) };
}
