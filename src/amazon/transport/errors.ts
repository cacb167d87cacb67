/**
 * The one error type delivery throws. Adobe shows its message in the rule's Edge trace, so every
 * message says what happened and what to do, and never carries a secret or the request body.
 */
import { TimeLimitExceeded } from './clock';

/** Stable classification of a failure, for callers and summaries (Amazon's own code is separate). */
export type DeliveryErrorCode =
  | 'MISSING_CREDENTIALS'
  | 'TOKEN_REFRESH_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'REQUEST_REJECTED'
  | 'EVENT_REJECTED'
  | 'MALFORMED_RESPONSE'
  | 'THROTTLED'
  | 'RETRIES_EXHAUSTED'
  | 'TIME_BUDGET_EXHAUSTED';

export interface DeliveryErrorDetails {
  code: DeliveryErrorCode;
  /** Requests made to the Events API before giving up (0 when none was made). */
  attempts: number;
  /** True when the same event may well succeed if sent again later (throttling, outages). */
  retriable: boolean;
  /** HTTP status of the answer that decided the failure, when there was one. */
  status?: number;
  /** Amazon's own error code (`BAD_REQUEST`, `invalid_grant`, …), when it gave one. */
  amazonCode?: string;
}

export class AmazonDeliveryError extends Error {
  readonly code: DeliveryErrorCode;
  readonly attempts: number;
  readonly retriable: boolean;
  readonly status: number | undefined;
  readonly amazonCode: string | undefined;

  constructor(message: string, details: DeliveryErrorDetails) {
    super(message);
    this.name = 'AmazonDeliveryError';
    this.code = details.code;
    this.attempts = details.attempts;
    this.retriable = details.retriable;
    this.status = details.status;
    this.amazonCode = details.amazonCode;
  }

  /** A new error for the same failure, as seen by a delivery that had made `attempts` requests. */
  withAttempts(attempts: number): AmazonDeliveryError {
    return new AmazonDeliveryError(this.message, {
      code: this.code,
      attempts,
      retriable: this.retriable,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.amazonCode === undefined ? {} : { amazonCode: this.amazonCode })
    });
  }
}

/** How a request that got no answer failed, for messages and logs ("network error: fetch failed (ECONNRESET)"). */
export function describeNoAnswer(error: unknown): string {
  if (error instanceof TimeLimitExceeded) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  const causeCode =
    cause !== null && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
  return `network error: ${message}${causeCode === undefined ? '' : ` (${causeCode})`}`;
}
