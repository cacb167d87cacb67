/**
 * What the Edge trace shows about an event before it is sent: what goes where, the hashed body
 * with raw personal values masked, and every warning. Never a secret or a raw personal value.
 */
import type { Logger } from '../amazon/transport/types';
import type { PreparedEvent } from './prepareEvent';

const API_NAMES = { events: 'Events API', legacy: 'Conversions API v1 (legacy)' } as const;

export function logPreparedEvent(logger: Logger, prepared: PreparedEvent): void {
  const { event, warnings } = prepared;
  const { region } = prepared.settings.extension;
  const keys = event.matchKeys.map((key) => key.type).join(', ');
  const id = event.eventId === undefined ? 'no event ID (no deduplication)' : `event ID ${event.eventId}`;
  logger.info(
    `Amazon ${API_NAMES[event.api]} (${region}): "${event.name}" as ${event.conversionType}, ${id}, match keys ${keys}.`
  );
  // The serialised log-safe body delivery passes to the trace; serialising it again would cost as much.
  logger.info(`Request body (hashed; IP address and raw IDs masked): ${prepared.request.bodyForLog}`);
  for (const warning of warnings) logger.warn(warning);
}
