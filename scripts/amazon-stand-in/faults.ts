/**
 * Injected failures, queued in the order tests add them. Each request to a target takes the first
 * queued fault for that target, before any validation, until its `times` are used up.
 */
import { STATUS_CODES } from 'node:http';

export type FaultTarget = 'events' | 'token';

export type StandInFault =
  | { target?: FaultTarget; type: 'status'; status: number; retryAfter?: string; body?: unknown; times?: number }
  | { target?: FaultTarget; type: 'delay'; ms: number; times?: number }
  | { target?: FaultTarget; type: 'reset'; times?: number }
  | { target?: FaultTarget; type: 'malformed'; status?: number; times?: number };

interface QueuedFault {
  fault: StandInFault;
  target: FaultTarget;
  remaining: number;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(fault: StandInFault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('A fault needs times ≥ 1');
    const status = fault.type === 'status' || fault.type === 'malformed' ? fault.status : undefined;
    if (status !== undefined && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
      throw new RangeError('A fault status must be an HTTP status from 200 to 599');
    }
    if (fault.type === 'delay' && !(fault.ms >= 0)) throw new RangeError('A delay fault needs ms ≥ 0');
    this.queue.push({ fault, target: fault.target ?? 'events', remaining: times });
  }

  /** The fault this request to `target` suffers, if any, using up one of its times. */
  take(target: FaultTarget): StandInFault | undefined {
    const queued = this.queue.find((entry) => entry.target === target);
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining === 0) this.queue.splice(this.queue.indexOf(queued), 1);
    return queued.fault;
  }

  clear(): void {
    this.queue = [];
  }
}

/**
 * Amazon-shaped default body for an injected status: `{code, message}` for events, OAuth's for
 * tokens. A success status gets an answer with nothing in it (no event result, no access token),
 * which a client must not mistake for success.
 */
export function defaultFaultBody(target: FaultTarget, status: number): unknown {
  if (status < 400) return target === 'events' ? { success: [], error: [] } : {};
  const description = STATUS_CODES[status] ?? `HTTP ${status}`;
  if (target === 'token') {
    const error =
      status === 401 ? 'invalid_client'
      : status === 429 || status === 503 ? 'temporarily_unavailable'
      : status >= 500 ? 'server_error'
      : 'invalid_request';
    return { error, error_description: description };
  }
  const code =
    status === 401 ? 'UNAUTHORIZED'
    : status === 403 ? 'FORBIDDEN'
    : status === 404 ? 'NOT_FOUND'
    : status === 429 ? 'TOO_MANY_REQUESTS'
    : status >= 500 ? 'INTERNAL_SERVER_ERROR'
    : 'BAD_REQUEST';
  return { code, message: description };
}

/** What a `malformed` fault sends: JSON that was cut off mid-way, under a JSON content type. */
export const MALFORMED_BODY = '{"success":[{"index"';
