/**
 * The registry's named checks, as "how to fix it" messages. The view runs them on literal values;
 * the library applies the same normalisers to resolved values (and decides whether a failure is an
 * error or a dropped match key with a warning).
 */
import type { CheckId } from './registry';
import { parseEventTime } from '../event/time';
import {
  normaliseCountryCode,
  normaliseEmail,
  normaliseIpAddress,
  normaliseMatchId,
  normalisePhone
} from '../event/identifiers';

export const CHECK_MESSAGES: Readonly<Record<CheckId, string>> = {
  eventTime:
    'Use ISO 8601 with a time zone (2026-05-01T10:00:00Z), yyyy-MM-ddTHH:mm:ss:SSSZ, or Unix seconds or milliseconds.',
  countryCode: 'Use a two-letter ISO 3166-1 country code (US, GB, DE) or a locale such as en-US.',
  email: 'Enter an email address such as name@example.com.',
  phone: 'Enter the number in E.164 form with its country code, such as +15555550100.',
  ipAddress: 'Enter an IPv4 (203.0.113.7) or IPv6 (2001:db8::1) address.',
  matchId: 'Use letters, digits, "_" and "-" only, 100 characters at most.',
  attributeName: 'Use letters, digits and "_" only, 100 characters at most.'
};

const PASSES: Readonly<Record<CheckId, (value: string) => boolean>> = {
  eventTime: (value) => parseEventTime(value) !== undefined,
  countryCode: (value) => normaliseCountryCode(value) !== undefined,
  email: (value) => normaliseEmail(value) !== undefined,
  phone: (value) => normalisePhone(value) !== undefined,
  ipAddress: (value) => normaliseIpAddress(value) !== undefined,
  matchId: (value) => normaliseMatchId(value) !== undefined,
  attributeName: (value) => /^[A-Za-z0-9_]{1,100}$/.test(value)
};

/** How to fix a value of an `httpHeader` field that fetch would refuse to send. */
export const HTTP_HEADER_HINT = 'Use printable ASCII characters only, without spaces (it is sent in an HTTP header).';
const HTTP_HEADER_SAFE = /^[\x21-\x7e]+$/;

export const isHttpHeaderSafe = (value: string): boolean => HTTP_HEADER_SAFE.test(value);

/** The fix-it message when a literal value fails its check, else undefined. */
export function runCheck(check: CheckId, value: string): string | undefined {
  return PASSES[check](value) ? undefined : CHECK_MESSAGES[check];
}
