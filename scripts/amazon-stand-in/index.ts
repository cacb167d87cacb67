/**
 * A local stand-in for Amazon: the Events API (`/adsApi/v1/create/events`), the Conversions API v1
 * (`/events/v1`) and Login with Amazon's token endpoint, for all three regions. It validates requests
 * the way Amazon does, answers in Amazon's shapes, records everything, and fails on demand.
 * Always bound to 127.0.0.1; Amazon URLs reach it through `routeToStandIn` (./route.ts).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Answer } from './answer';
import { answerEventsCall } from './events-endpoint';
import { defaultFaultBody, FaultQueue, MALFORMED_BODY, type FaultTarget, type StandInFault } from './faults';
import { identifyEndpoint, type AmazonRegion, type EventsApiName } from './hosts';
import { parseStandInPath } from './route';
import { createStandInFetch } from './stand-in-fetch';
import { TokenAuthority } from './token-endpoint';

export type { StandInFault } from './faults';

export interface StandInOptions {
  /** Default 0 = a free port; always binds 127.0.0.1. */
  port?: number;
  /** Clock for the event time window and token lifetimes (default Date.now). */
  now?: () => number;
  /** expires_in of minted tokens (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Called once the stand-in has answered (or reset) an Events API request. */
  onRequest?: (request: RecordedRequest) => void;
  /** Called once the stand-in has answered (or reset) a token request. */
  onTokenRequest?: (request: RecordedTokenRequest) => void;
}

export interface RecordedRequest {
  api: EventsApiName;
  region: AmazonRegion;
  host: string;
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it did not parse. */
  body: unknown;
  /** What the stand-in answered; 0 while a delayed answer is pending or when the connection was reset. */
  status: number;
  response: unknown;
}

export interface RecordedTokenRequest {
  region: AmazonRegion;
  host: string;
  form: Record<string, string>;
  /** 0 while a delayed answer is pending or when the connection was reset. */
  status: number;
}

export interface AmazonStandIn {
  /** e.g. http://127.0.0.1:43123 */
  readonly url: string;
  /** A fetch that sends Amazon URLs (routeToStandIn) here and rejects any other host. */
  readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Events API requests, arrival order. */
  readonly requests: RecordedRequest[];
  readonly tokenRequests: RecordedTokenRequest[];
  /** Queued; target defaults to 'events'; times defaults to 1. */
  fail(fault: StandInFault): void;
  /** Later requests with this access token get 401. */
  expireAccessToken(token: string): void;
  /** Later token requests with this refresh token get 400 invalid_grant. */
  revokeRefreshToken(token: string): void;
  /** Clears records, faults, expiries, revocations and minted tokens. */
  reset(): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value.join(', ') : (value ?? '')])
  );
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;
  const text = answer.raw ? String(answer.body) : JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  response.end(text);
}

function faultAnswer(fault: Exclude<StandInFault, { type: 'delay' | 'reset' }>, target: FaultTarget): Answer {
  if (fault.type === 'malformed') {
    return { status: fault.status ?? (target === 'events' ? 207 : 200), body: MALFORMED_BODY, raw: true };
  }
  return {
    status: fault.status,
    body: fault.body ?? defaultFaultBody(target, fault.status),
    ...(fault.retryAfter !== undefined ? { headers: { 'retry-after': fault.retryAfter } } : {})
  };
}

export async function startAmazonStandIn(options: StandInOptions = {}): Promise<AmazonStandIn> {
  const now = options.now ?? Date.now;
  const tokens = new TokenAuthority(now, options.tokenLifetimeSeconds ?? 3600);
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const tokenRequests: RecordedTokenRequest[] = [];
  const pendingDelays = new Set<NodeJS.Timeout>();

  /** Method check, then the queued fault, then the real answer; `settle` sees what was answered. */
  function respond(
    request: IncomingMessage,
    response: ServerResponse,
    target: FaultTarget,
    answer: () => Answer,
    settle: (answered: Answer | undefined) => void
  ): void {
    if (request.method !== 'POST') {
      const notAllowed: Answer = {
        status: 405,
        body: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST' },
        headers: { allow: 'POST' }
      };
      settle(notAllowed);
      send(response, notAllowed);
      return;
    }
    const fault = faults.take(target);
    if (fault?.type === 'reset') {
      settle(undefined);
      request.socket.destroy();
      return;
    }
    if (fault?.type === 'delay') {
      const timer = setTimeout(() => {
        pendingDelays.delete(timer);
        const answered = answer();
        settle(answered);
        send(response, answered);
      }, fault.ms);
      pendingDelays.add(timer);
      return;
    }
    const answered = fault ? faultAnswer(fault, target) : answer();
    settle(answered);
    send(response, answered);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const addressed = parseStandInPath(pathname);
    const endpoint = addressed && identifyEndpoint(addressed.host, addressed.path);
    if (!addressed || !endpoint) {
      send(response, { status: 404, body: { code: 'NOT_FOUND', message: `No Amazon endpoint at ${pathname}` } });
      return;
    }
    const headers = lowerCaseHeaders(request.headers);
    if (endpoint.kind === 'events') {
      const record: RecordedRequest = {
        api: endpoint.api,
        region: endpoint.region,
        host: addressed.host,
        path: addressed.path,
        headers,
        body: parseJsonOrText(rawBody),
        status: 0,
        response: undefined
      };
      requests.push(record);
      respond(
        request,
        response,
        'events',
        () =>
          answerEventsCall({
            api: endpoint.api,
            region: endpoint.region,
            headers,
            rawBody,
            now: now(),
            isAccessTokenValid: (token) => tokens.isAccessTokenValid(token)
          }),
        (answered) => {
          record.status = answered?.status ?? 0;
          record.response = answered?.body;
          options.onRequest?.(record);
        }
      );
      return;
    }
    const record: RecordedTokenRequest = {
      region: endpoint.region,
      host: addressed.host,
      form: Object.fromEntries(new URLSearchParams(rawBody)),
      status: 0
    };
    tokenRequests.push(record);
    respond(
      request,
      response,
      'token',
      () => tokens.answer({ headers, rawBody }),
      (answered) => {
        record.status = answered?.status ?? 0;
        options.onTokenRequest?.(record);
      }
    );
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    fetch: createStandInFetch(url),
    requests,
    tokenRequests,
    fail: (fault) => faults.add(fault),
    expireAccessToken: (token) => tokens.expire(token),
    revokeRefreshToken: (token) => tokens.revoke(token),
    reset() {
      requests.length = 0;
      tokenRequests.length = 0;
      faults.clear();
      tokens.reset();
    },
    async close() {
      for (const timer of pendingDelays) clearTimeout(timer);
      pendingDelays.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    }
  };
}
