/**
 * Test doubles for the transport: a virtual clock, scripted fetch functions and a recording logger.
 * Values are obviously fake; the hashed email is computed here with node:crypto, independently of
 * the library.
 */
import { createHash } from 'node:crypto';
import type { ApiName, Region } from '../../../src/amazon/endpoints';
import type {
  AmazonCredentials,
  Clock,
  DeliveryContext,
  DeliveryRequest,
  FetchInit,
  FetchLike,
  Logger
} from '../../../src/amazon/transport/types';

export const ACCESS_TOKEN = 'Atza|fake-access-token';
export const REFRESH_TOKEN = 'Atzr|fake-refresh-token';
export const CLIENT_SECRET = 'fake-client-secret-0000';
export const CLIENT_ID = 'amzn1.application-oa2-client.fakeclientid';
export const ADVERTISER_ID = '1234567890';
export const RAW_IP = '203.0.113.7';
export const EMAIL_SHA256 = createHash('sha256').update('user@example.com').digest('hex');

/** 2026-12-03T12:00:00.000Z: where every fake clock starts. */
export const START = Date.UTC(2026, 11, 3, 12, 0, 0);

export function eventBodies(api: ApiName): { body: string; bodyForLog: string } {
  const event = (ip: string): unknown =>
    api === 'events'
      ? { eventId: 'evt-0001', matchKeys: [{ type: 'EMAIL', values: [EMAIL_SHA256] }], consent: { geo: { ipAddress: ip } } }
      : { clientDedupeId: 'evt-0001', matchKeys: [{ type: 'EMAIL', values: [EMAIL_SHA256] }], consent: { geo: { ipAddress: ip } } };
  const wrap = (ip: string): string =>
    JSON.stringify(api === 'events' ? { events: [event(ip)] } : { eventData: [event(ip)], ingestionMethod: 'SERVER_TO_SERVER' });
  return { body: wrap(RAW_IP), bodyForLog: wrap('203.0.113.xxx') };
}

export function deliveryRequest(
  options: { api?: ApiName; region?: Region; credentials?: Partial<AmazonCredentials> } = {}
): DeliveryRequest {
  const api = options.api ?? 'events';
  return {
    api,
    region: options.region ?? 'NA',
    advertiserId: ADVERTISER_ID,
    credentials: { clientId: CLIENT_ID, accessToken: ACCESS_TOKEN, ...options.credentials },
    ...eventBodies(api)
  };
}

export const REFRESH_PAIR: Partial<AmazonCredentials> = { accessToken: '', refreshToken: REFRESH_TOKEN, clientSecret: CLIENT_SECRET };

/**
 * Virtual time that moves only when everything else is waiting: each pending sleep fires, earliest
 * first, once a few event-loop turns have passed without it being cancelled.
 */
export class FakeClock implements Clock {
  /** Every sleep that ran to its end, in ms (cancelled time limits are not listed). */
  readonly completedSleeps: number[] = [];
  private current = START;
  private timers: Array<{ at: number; ms: number; order: number; fire: () => void }> = [];
  private order = 0;
  private scheduled = false;

  constructor(private readonly randomValue = 0.5) {}

  now(): number {
    return this.current;
  }

  random(): number {
    return this.randomValue;
  }

  /** Moves time forward without firing anything (between deliveries). */
  advance(ms: number): void {
    this.current += ms;
  }

  elapsed(): number {
    return this.current - START;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const timer = { at: this.current + ms, ms, order: this.order++, fire: resolve };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((pending) => pending !== timer);
          resolve();
        },
        { once: true }
      );
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void this.fireNext();
  }

  private async fireNext(): Promise<void> {
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    this.scheduled = false;
    this.timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const next = this.timers.shift();
    if (next === undefined) return;
    this.current = Math.max(this.current, next.at);
    this.completedSleeps.push(next.ms);
    next.fire();
    if (this.timers.length > 0) this.schedule();
  }
}

export interface RecordedCall {
  url: string;
  init: FetchInit;
}

export type Step = (init: FetchInit) => Response | Promise<Response>;

/** A fetch that answers with the given steps in order (the last one repeats) and records calls. */
export function scriptedFetch(...steps: Step[]): FetchLike & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = (url: string, init: FetchInit): Promise<Response> => {
    calls.push({ url, init });
    const step = steps[Math.min(calls.length, steps.length) - 1];
    if (step === undefined) throw new Error('scriptedFetch needs at least one step');
    return Promise.resolve().then(() => step(init));
  };
  return Object.assign(fetch, { calls });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Step {
  return () => new Response(body, { status, headers });
}

export const accepted = (api: ApiName = 'events'): Step =>
  json(207, { success: [{ index: api === 'events' ? 0 : 1, message: null }], error: [] });

/** What undici throws when the peer resets the connection. */
export const connectionReset: Step = () => {
  throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
};

/** Never answers; rejects when its signal aborts. */
export const hangsUntilAborted: Step = (init) =>
  new Promise((_, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
  });

/** Never answers and ignores its signal. */
export const hangsForever: Step = () => new Promise<Response>(() => undefined);

export const minted = (token: string, expiresIn = 3600): Step =>
  json(200, { access_token: token, refresh_token: REFRESH_TOKEN, token_type: 'bearer', expires_in: expiresIn });

export class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; text: string }> = [];
  log = (...args: unknown[]): void => this.record('log', args);
  info = (...args: unknown[]): void => this.record('info', args);
  debug = (...args: unknown[]): void => this.record('debug', args);
  warn = (...args: unknown[]): void => this.record('warn', args);
  error = (...args: unknown[]): void => this.record('error', args);

  all(): string {
    return this.lines.map((line) => line.text).join('\n');
  }

  private record(level: string, args: unknown[]): void {
    this.lines.push({ level, text: args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ') });
  }
}

export function context(
  fetch: FetchLike,
  options: { tokenFetch?: FetchLike; clock?: FakeClock; logger?: RecordingLogger } = {}
): DeliveryContext & { clock: FakeClock; logger: RecordingLogger } {
  return {
    fetch,
    tokenFetch: options.tokenFetch ?? scriptedFetch(() => Promise.reject(new Error('no token call expected'))),
    clock: options.clock ?? new FakeClock(),
    logger: options.logger ?? new RecordingLogger()
  };
}
