/**
 * When to try again. Adobe gives one event 30 s for all of its rules, so delivery keeps to a budget
 * of its own: at most 3 attempts within about 10 s, backing off briefly (with jitter, so events
 * throttled together do not return together) and honouring Amazon's Retry-After. It never sleeps
 * past the budget: a wait that would not leave time for another attempt ends the delivery instead.
 */

export const MAX_ATTEMPTS = 3;
export const DELIVERY_BUDGET_MS = 10_000;
/** One attempt's limit (further bounded by what is left of the budget). */
export const ATTEMPT_TIME_LIMIT_MS = 5_000;
/** An attempt is not started with less time than this left: it could hardly get an answer. */
export const MIN_ATTEMPT_TIME_MS = 1_000;
/** Base waits before the 2nd and 3rd attempts. */
const BACKOFF_MS = [250, 1_000] as const;
/** ±20 % around the base wait. */
const JITTER = 0.2;

/** The wait before retry number `retry` (1 = before the 2nd attempt); `random` in [0, 1). */
export function backoffDelay(retry: number, random: number): number {
  const base = BACKOFF_MS[Math.min(retry, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0];
  return Math.round(base * (1 + JITTER * (2 * random - 1)));
}

/** Retry-After in ms from now: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only a real HTTP date (it names a weekday or month); Date.parse would accept odd fragments.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type RetryPlan =
  | { readonly retry: true; readonly waitMs: number }
  | {
      readonly retry: false;
      /** `attempts`: all used. `budget`: the backoff would overrun the time left.
       *  `retry-after`: Amazon asked for a longer wait than the time left. */
      readonly reason: 'attempts' | 'budget' | 'retry-after';
      readonly waitMs: number;
    };

export interface RetryQuestion {
  /** The attempt that just failed (1-based). */
  attempt: number;
  retryAfterMs: number | undefined;
  now: number;
  deadline: number;
  random: number;
}

export function planRetry({ attempt, retryAfterMs, now, deadline, random }: RetryQuestion): RetryPlan {
  const waitMs = retryAfterMs ?? backoffDelay(attempt, random);
  if (attempt >= MAX_ATTEMPTS) return { retry: false, reason: 'attempts', waitMs };
  if (now + waitMs + MIN_ATTEMPT_TIME_MS > deadline) {
    return { retry: false, reason: retryAfterMs === undefined ? 'budget' : 'retry-after', waitMs };
  }
  return { retry: true, waitMs };
}

/** Whole-request statuses worth another try: throttling, timeouts at Amazon's edge, outages. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}
