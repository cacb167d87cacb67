/**
 * Event time parsing. Accepts what tag engineers actually have at hand: ISO 8601 with a zone
 * (`Z`, `+02:00`, `+0200`; with or without fractions), the brief's `yyyy-MM-dd'T'HH:mm:ss:SSSZ`
 * (a colon before the milliseconds), and Unix seconds or milliseconds as numbers or digit strings.
 * A time without a zone is rejected: guessing one would shift conversions by hours.
 */
import { MAX_FUTURE_SKEW_MS } from '../amazon/endpoints';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9})|:(\d{3}))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
const UNIX = /^\d{1,16}(?:\.\d+)?$/;
/** Below this a Unix number is taken as seconds (10^12 ms is September 2001). */
const SECONDS_LIMIT = 1e12;
const DAY_MS = 24 * 60 * 60 * 1000;

function fromUnix(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  return Math.round(value < SECONDS_LIMIT ? value * 1000 : value);
}

function fromDateTime(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '0', fraction, colonMillis, zulu, sign, offH = '0', offM = '0'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millis = colonMillis !== undefined ? Number(colonMillis) : fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  if (Number(offH) > 23 || Number(offM) > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 April over into May: reject dates that do not exist.
  if (new Date(local).getUTCDate() !== day) return undefined;
  return local - offsetMinutes * 60_000;
}

/** Epoch milliseconds for a resolved event time, or undefined when the value is not a time we accept. */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return fromUnix(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (UNIX.test(text)) return fromUnix(Number(text));
  return fromDateTime(text);
}

/** Amazon's wire format: UTC ISO 8601 with milliseconds. */
export function formatEventTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export type TimeWindowProblem = 'in-the-future' | 'too-old';

/** Whether Amazon would accept an event at `epochMs` when sent at `nowMs`. */
export function checkEventTimeWindow(epochMs: number, nowMs: number, maxAgeDays: number): TimeWindowProblem | undefined {
  if (epochMs > nowMs + MAX_FUTURE_SKEW_MS) return 'in-the-future';
  if (epochMs < nowMs - maxAgeDays * DAY_MS) return 'too-old';
  return undefined;
}
