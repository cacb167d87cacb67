/**
 * The two event ingestion endpoints: whole-request checks (auth, headers, body shape) answered with
 * 400/401, then per-event checks answered with Amazon's 207 multi-status in the API's own dialect.
 */
import {
  EVENTS_API_RULES,
  LEGACY_API_RULES,
  MAX_EVENTS_PER_REQUEST,
  SERVER_TO_SERVER,
  type ApiRules
} from './amazon-rules';
import type { Answer } from './answer';
import { checkEventsApiEvent } from './events-api-event';
import type { AmazonRegion, EventsApiName } from './hosts';
import { checkLegacyApiEvent } from './legacy-api-event';
import { isRecord, type Problem } from './problems';

export interface EventsCall {
  api: EventsApiName;
  region: AmazonRegion;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  rawBody: string;
  now: number;
  /** False for an access token that expired (by `expireAccessToken` or its minted lifetime). */
  isAccessTokenValid: (token: string) => boolean;
}

interface ApiDialect {
  rules: ApiRules;
  /** The events array of a parsed body, or the reason the whole request is rejected. */
  readEvents(body: Record<string, unknown>): unknown[] | string;
  checkEvent(event: unknown, region: AmazonRegion, now: number): Problem[];
  success(index: number): unknown;
  error(index: number, problems: Problem[]): unknown;
}

function readEventArray(body: Record<string, unknown>, arrayKey: string, allowedKeys: readonly string[]): unknown[] | string {
  const unknownKey = Object.keys(body).find((key) => !allowedKeys.includes(key));
  if (unknownKey !== undefined) return `${unknownKey} is not a field this API accepts`;
  const events: unknown = body[arrayKey];
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_REQUEST) {
    return `${arrayKey} must be an array of 1 to ${MAX_EVENTS_PER_REQUEST} events`;
  }
  return events as unknown[];
}

const DIALECTS: Readonly<Record<EventsApiName, ApiDialect>> = {
  events: {
    rules: EVENTS_API_RULES,
    readEvents: (body) => readEventArray(body, 'events', ['events']),
    checkEvent: checkEventsApiEvent,
    success: (index) => ({ index }),
    error: (index, problems) => ({
      index,
      errors: problems.map(({ fieldLocation, message }) => ({ code: 'BAD_REQUEST', message, fieldLocation }))
    })
  },
  legacy: {
    rules: LEGACY_API_RULES,
    readEvents: (body) =>
      body.ingestionMethod !== SERVER_TO_SERVER
        ? `ingestionMethod must be ${SERVER_TO_SERVER}`
        : readEventArray(body, 'eventData', ['eventData', 'ingestionMethod']),
    checkEvent: checkLegacyApiEvent,
    success: (index) => ({ index, message: null }),
    error: (index, problems) => ({
      index,
      httpStatusCode: '400',
      subErrors: problems.map(({ message }) => ({ errorCode: 400, errorType: 'BAD_REQUEST', errorMessage: message }))
    })
  }
};

function badRequest(message: string): Answer {
  return { status: 400, body: { code: 'BAD_REQUEST', message } };
}

function unauthorized(message: string): Answer {
  return { status: 401, body: { code: 'UNAUTHORIZED', message } };
}

/** A whole-request rejection, or undefined when the headers are acceptable. */
function checkHeaders(call: EventsCall, rules: ApiRules): Answer | undefined {
  const bearer = /^Bearer (\S+)$/i.exec(call.headers.authorization ?? '');
  if (!bearer?.[1]) return unauthorized('Missing or malformed Authorization header; send "Bearer <access token>"');
  if (!call.isAccessTokenValid(bearer[1])) return unauthorized('The access token has expired or been revoked');
  const accountId = call.headers['amazon-ads-accountid'];
  if (accountId === undefined || accountId === '') return badRequest('Missing Amazon-Ads-AccountId header');
  if (!/^\d+$/.test(accountId)) return badRequest('Amazon-Ads-AccountId must be the numeric advertiser account id');
  const clientId = call.headers[rules.clientIdHeader.toLowerCase()];
  if (clientId === undefined || clientId.trim() === '') return badRequest(`Missing ${rules.clientIdHeader} header`);
  const contentType = (call.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') return badRequest('Content-Type must be application/json');
  return undefined;
}

/** Amazon's answer to one Events API or Conversions API v1 request. */
export function answerEventsCall(call: EventsCall): Answer {
  const dialect = DIALECTS[call.api];
  const rejected = checkHeaders(call, dialect.rules);
  if (rejected) return rejected;
  let body: unknown;
  try {
    body = JSON.parse(call.rawBody);
  } catch {
    return badRequest('The request body is not valid JSON');
  }
  if (!isRecord(body)) return badRequest('The request body must be a JSON object');
  const events = dialect.readEvents(body);
  if (typeof events === 'string') return badRequest(events);
  const success: unknown[] = [];
  const error: unknown[] = [];
  events.forEach((event, position) => {
    const index = position + dialect.rules.firstIndex;
    const problems = dialect.checkEvent(event, call.region, call.now);
    if (problems.length === 0) success.push(dialect.success(index));
    else error.push(dialect.error(index, problems));
  });
  return { status: 207, body: { success, error } };
}
