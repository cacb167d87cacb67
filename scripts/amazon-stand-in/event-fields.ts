/**
 * Field rules both Amazon APIs share: time window, country, match keys, money, consent.
 * Each check adds its problems to the event's list and never throws.
 */
import { isIP } from 'node:net';
import {
  CONSENT_VALUES,
  COUNTRY_CODE_PATTERN,
  CURRENCY_CODES,
  DAY_MS,
  HASHED_MATCH_KEY_TYPES,
  MATCH_ID_PATTERN,
  MATCH_KEY_TYPES,
  MAX_FUTURE_SKEW_MS,
  SHA256_HEX
} from './amazon-rules';
import type { AmazonRegion } from './hosts';
import { checkEnum, fieldPath, isNonEmptyString, isRecord, oneOf, rejectUnknownKeys, type ProblemList } from './problems';

// ISO 8601 date-time with seconds and an explicit zone (Z or ±hh:mm), optional fraction.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Epoch milliseconds of an ISO 8601 date-time with a zone, or undefined (Date.parse alone accepts 30 February). */
function parseIsoDateTime(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, zoneHours, zoneMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
  const within = (value: number | undefined, low: number, high: number): boolean =>
    value !== undefined && value >= low && value <= high;
  const valid =
    within(month, 1, 12) && within(day, 1, daysInMonth) && within(hour, 0, 23) && within(minute, 0, 59) &&
    within(second, 0, 59) && within(zoneHours, 0, 23) && within(zoneMinutes, 0, 59);
  return valid ? Date.parse(text) : undefined;
}

export function checkEventTime(value: unknown, path: string, now: number, maxAgeDays: number, problems: ProblemList): void {
  if (value === undefined) {
    problems.add(path, 'is required');
    return;
  }
  const time = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
  if (time === undefined) problems.add(path, 'must be an ISO 8601 date-time with a time zone, such as 2026-05-01T10:00:00Z');
  else if (time > now + MAX_FUTURE_SKEW_MS) problems.add(path, 'must not be more than 5 minutes in the future');
  else if (time < now - maxAgeDays * DAY_MS) problems.add(path, `must not be more than ${maxAgeDays} days old`);
}

export function checkCountryCode(value: unknown, path: string, problems: ProblemList): void {
  if (value === undefined) problems.add(path, 'is required');
  else if (typeof value !== 'string' || !COUNTRY_CODE_PATTERN.test(value)) {
    problems.add(path, 'must be an upper-case ISO 3166-1 alpha-2 code');
  }
}

function checkMatchKeyValue(type: string, value: string, path: string, problems: ProblemList): void {
  if (HASHED_MATCH_KEY_TYPES.includes(type)) {
    if (!SHA256_HEX.test(value)) problems.add(path, 'must be a lower-case hex SHA-256 digest of the normalised value');
  } else if (type === 'MATCH_ID') {
    if (!MATCH_ID_PATTERN.test(value)) problems.add(path, 'must be 1 to 100 characters from A-Z, a-z, 0-9, "_" and "-"');
  } else if (value.trim() === '') {
    problems.add(path, 'must not be empty');
  }
}

export function checkMatchKeys(value: unknown, maxMatchKeys: number, problems: ProblemList): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > maxMatchKeys) {
    problems.add('matchKeys', `must be an array of 1 to ${maxMatchKeys} match keys`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((matchKey: unknown, index) => {
    const path = `matchKeys[${index}]`;
    if (!isRecord(matchKey)) {
      problems.add(path, 'must be an object with type and values');
      return;
    }
    rejectUnknownKeys(matchKey, ['type', 'values'], path, problems);
    const { type, values } = matchKey;
    checkEnum(type, `${path}.type`, MATCH_KEY_TYPES, problems);
    if (typeof type === 'string' && MATCH_KEY_TYPES.includes(type)) {
      if (seen.has(type)) problems.add(`${path}.type`, 'repeats a match key type; send each type at most once');
      seen.add(type);
    }
    const [single] = Array.isArray(values) ? (values as unknown[]) : [];
    if (!Array.isArray(values) || values.length !== 1 || typeof single !== 'string') {
      problems.add(`${path}.values`, 'must be an array of exactly one string');
    } else if (typeof type === 'string' && MATCH_KEY_TYPES.includes(type)) {
      checkMatchKeyValue(type, single, `${path}.values[0]`, problems);
    }
  });
}

export function checkValue(value: unknown, problems: ProblemList): void {
  if (value === undefined) return;
  const valid = typeof value === 'number' && Number.isFinite(value) && value >= 0 && Math.round(value * 100) / 100 === value;
  if (!valid) problems.add('value', 'must be a number of at least 0 with at most 2 decimals');
}

export function checkCurrencyCode(value: unknown, problems: ProblemList): void {
  if (value !== undefined && (typeof value !== 'string' || !CURRENCY_CODES.includes(value))) {
    problems.add('currencyCode', oneOf(CURRENCY_CODES));
  }
}

export function checkUnitsSold(value: unknown, problems: ProblemList): void {
  if (value !== undefined && !(typeof value === 'number' && Number.isInteger(value) && value >= 1)) {
    problems.add('unitsSold', 'must be an integer of at least 1');
  }
}

/** `eventId` / `clientDedupeId`: an empty id would deduplicate unrelated events against each other. */
export function checkDedupeId(value: unknown, path: string, problems: ProblemList): void {
  if (value !== undefined && !isNonEmptyString(value)) problems.add(path, 'must be a non-empty string');
}

function checkAmazonConsent(value: unknown, problems: ProblemList): void {
  const path = 'consent.amazonConsent';
  if (!isRecord(value)) {
    problems.add(path, 'must be an object with amznUserData and optionally amznAdStorage');
    return;
  }
  rejectUnknownKeys(value, ['amznUserData', 'amznAdStorage'], path, problems);
  checkEnum(value.amznUserData, `${path}.amznUserData`, CONSENT_VALUES, problems);
  if (value.amznAdStorage !== undefined) checkEnum(value.amznAdStorage, `${path}.amznAdStorage`, CONSENT_VALUES, problems);
}

function checkGeo(value: unknown, problems: ProblemList): void {
  const path = 'consent.geo';
  if (!isRecord(value)) {
    problems.add(path, 'must be an object with ipAddress');
    return;
  }
  rejectUnknownKeys(value, ['ipAddress'], path, problems);
  if (typeof value.ipAddress !== 'string' || isIP(value.ipAddress) === 0) {
    problems.add(`${path}.ipAddress`, 'must be an IPv4 or IPv6 address');
  }
}

/** `consent`, plus Amazon's rule that EU traffic carries at least one consent signal. */
export function checkConsent(value: unknown, region: AmazonRegion, problems: ProblemList): void {
  const consent = isRecord(value) ? value : {};
  if (value !== undefined && !isRecord(value)) problems.add('consent', 'must be an object');
  rejectUnknownKeys(consent, ['geo', 'amazonConsent', 'tcf', 'gpp'], 'consent', problems);
  if (consent.geo !== undefined) checkGeo(consent.geo, problems);
  if (consent.amazonConsent !== undefined) checkAmazonConsent(consent.amazonConsent, problems);
  for (const key of ['tcf', 'gpp'] as const) {
    if (consent[key] !== undefined && !isNonEmptyString(consent[key])) {
      problems.add(fieldPath('consent', key), 'must be a non-empty encoded consent string');
    }
  }
  const signals = ['geo', 'amazonConsent', 'tcf', 'gpp'].filter((key) => consent[key] !== undefined);
  if (region === 'EU' && signals.length === 0) {
    problems.add('consent', 'must carry a consent signal (geo.ipAddress, amazonConsent, tcf or gpp) for the EU region');
  }
}
