/**
 * Printable views of recorded requests for the CLI: hashes and structure only. Access tokens,
 * refresh tokens and client secrets never appear; raw identifiers (IP address, MATCH_ID, MAID,
 * RAMP_ID, or personal data that arrived unhashed) are masked.
 */
import { SHA256_HEX } from './amazon-rules';
import type { RecordedRequest, RecordedTokenRequest } from './index';
import { isRecord } from './problems';

const MASK = '[masked]';
const SHOWN_HEADERS = ['content-type', 'amazon-ads-accountid', 'amazon-ads-clientid', 'amazon-advertising-api-clientid'];

function maskMatchKeys(matchKeys: unknown): unknown {
  if (!Array.isArray(matchKeys)) return matchKeys;
  return matchKeys.map((matchKey: unknown) => {
    if (!isRecord(matchKey) || !Array.isArray(matchKey.values)) return matchKey;
    const values = (matchKey.values as unknown[]).map((value) => (typeof value === 'string' && SHA256_HEX.test(value) ? value : MASK));
    return { ...matchKey, values };
  });
}

function maskEvent(event: unknown): unknown {
  if (!isRecord(event)) return event;
  const masked: Record<string, unknown> = { ...event, matchKeys: maskMatchKeys(event.matchKeys) };
  if (isRecord(event.consent) && isRecord(event.consent.geo) && event.consent.geo.ipAddress !== undefined) {
    masked.consent = { ...event.consent, geo: { ...event.consent.geo, ipAddress: MASK } };
  }
  return masked;
}

/** The request body with raw identifiers masked; bodies that did not parse are only measured. */
export function maskBody(body: unknown): unknown {
  if (!isRecord(body)) return typeof body === 'string' ? `[unparsed body, ${body.length} characters]` : body;
  const masked: Record<string, unknown> = { ...body };
  for (const key of ['events', 'eventData']) {
    if (Array.isArray(body[key])) masked[key] = (body[key] as unknown[]).map(maskEvent);
  }
  return masked;
}

function statusText(status: number): string {
  return status === 0 ? 'no answer (connection reset)' : String(status);
}

export function describeRequest(request: RecordedRequest): string {
  const headers = Object.fromEntries(SHOWN_HEADERS.filter((name) => name in request.headers).map((name) => [name, request.headers[name]]));
  const authorization = request.headers.authorization === undefined ? 'none' : 'present (not shown)';
  return [
    `[${request.api} ${request.region}] POST https://${request.host}${request.path} → ${statusText(request.status)}`,
    `  headers: ${JSON.stringify(headers)}, authorization: ${authorization}`,
    `  body: ${JSON.stringify(maskBody(request.body), null, 2).replace(/\n/g, '\n  ')}`,
    `  response: ${JSON.stringify(request.response, null, 2).replace(/\n/g, '\n  ')}`
  ].join('\n');
}

export function describeTokenRequest(request: RecordedTokenRequest): string {
  const shown = { grant_type: request.form.grant_type, client_id: request.form.client_id };
  return `[token ${request.region}] POST https://${request.host}/auth/o2/token ${JSON.stringify(shown)} → ${statusText(request.status)}`;
}
