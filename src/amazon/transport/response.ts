/**
 * What Amazon's answer to one attempt means. A processed request is HTTP 207 (200 tolerated) with
 * `{ success: [...], error: [...] }`, where our single event is at the API's first index; a
 * rejected event still comes back as 207, so the body decides. Whole-request statuses are sorted
 * into delivered / token rejected / worth retrying, and everything else fails at once with
 * Amazon's own words.
 */
import { API_PROFILES, type ApiName } from '../endpoints';
import { AmazonDeliveryError } from './errors';
import { isRecord, parseJson } from './json';
import { MAX_EXCERPT_LENGTH, type Redactor } from './redact';
import { isTransientStatus } from './retry';

export interface AmazonAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly status: number }
  | { readonly kind: 'unauthorized'; readonly status: number; readonly detail: string }
  /** `status` is undefined when no answer came (network error, time limit). */
  | { readonly kind: 'transient'; readonly status: number | undefined; readonly retryAfter: string | null; readonly detail: string };

/** Classifies one answer; throws `AmazonDeliveryError` for answers that no retry can fix. */
export function interpretAnswer(answer: AmazonAnswer, api: ApiName, attempt: number, redactor: Redactor): AttemptOutcome {
  const { status, text } = answer;
  if (status >= 200 && status <= 299) return readMultiStatus(answer, api, attempt, redactor);

  const reason = amazonReason(text, redactor);
  const detail = `HTTP ${status}${reason.text === undefined ? '' : ` (${reason.text})`}`;
  if (status === 401) return { kind: 'unauthorized', status, detail };
  if (isTransientStatus(status)) return { kind: 'transient', status, retryAfter: answer.retryAfter, detail };

  const said = reason.text ?? 'no details given';
  const failure = { attempts: attempt, retriable: false, status, ...(reason.code === undefined ? {} : { amazonCode: reason.code }) };
  if (status === 403) {
    throw new AmazonDeliveryError(
      `Amazon refused access (HTTP 403): ${said}. The Login with Amazon user needs Events Manager view and edit ` +
        'permission on this advertiser account, and the Amazon Ads API terms must be accepted for this Client ID.',
      { code: 'FORBIDDEN', ...failure }
    );
  }
  throw new AmazonDeliveryError(`Amazon rejected the request (HTTP ${status}): ${said}`, {
    code: 'REQUEST_REJECTED',
    ...failure
  });
}

function readMultiStatus(answer: AmazonAnswer, api: ApiName, attempt: number, redactor: Redactor): AttemptOutcome {
  const { status, text } = answer;
  const json = parseJson(text);
  const success = isRecord(json) ? json.success : undefined;
  const error = isRecord(json) ? json.error : undefined;
  if (!Array.isArray(success) && !Array.isArray(error)) {
    const quoted = text.trim() === '' ? 'an empty body' : `"${redactor.excerpt(text)}"`;
    throw new AmazonDeliveryError(
      `Amazon answered HTTP ${status} with ${quoted} instead of its { success, error } JSON; the event's fate is unknown.`,
      { code: 'MALFORMED_RESPONSE', attempts: attempt, retriable: false, status }
    );
  }

  const index = API_PROFILES[api].firstIndex;
  const rejection = entryAt(error, index);
  if (rejection !== undefined) {
    const { summary, code } = api === 'events' ? eventsRejection(rejection, redactor) : legacyRejection(rejection, redactor);
    throw new AmazonDeliveryError(`Amazon rejected the event${summary}`, {
      code: 'EVENT_REJECTED',
      attempts: attempt,
      retriable: false,
      status,
      ...(code === undefined ? {} : { amazonCode: code })
    });
  }
  if (entryAt(success, index) !== undefined) return { kind: 'delivered', status };

  throw new AmazonDeliveryError(
    `Amazon answered HTTP ${status} but listed the event (index ${index}) neither as accepted nor as rejected: ` +
      `"${redactor.excerpt(text)}"`,
    { code: 'MALFORMED_RESPONSE', attempts: attempt, retriable: false, status }
  );
}

/** Events API: `{ index, errors: [{ code, message, fieldLocation }] }` → ": BAD_REQUEST at eventTime: …". */
function eventsRejection(entry: Record<string, unknown>, redactor: Redactor): { summary: string; code?: string } {
  const errors = Array.isArray(entry.errors) ? entry.errors.filter(isRecord) : [];
  const parts = errors.map((item) => {
    const code = text(item.code);
    const where = text(item.fieldLocation);
    const message = text(item.message);
    const head = [code, where === undefined ? undefined : `at ${where}`].filter(Boolean).join(' ');
    return clip(redactor.apply([head, message].filter(Boolean).join(': ')));
  });
  return withFirstCode(parts, text(errors[0]?.code));
}

/** Legacy API: `{ index, httpStatusCode, subErrors: [{ errorCode, errorType, errorMessage }] }`. */
function legacyRejection(entry: Record<string, unknown>, redactor: Redactor): { summary: string; code?: string } {
  const subErrors = Array.isArray(entry.subErrors) ? entry.subErrors.filter(isRecord) : [];
  const parts = subErrors.map((item) =>
    clip(redactor.apply([text(item.errorType) ?? text(item.errorCode), text(item.errorMessage)].filter(Boolean).join(': ')))
  );
  const httpStatus = text(entry.httpStatusCode);
  const result = withFirstCode(parts, text(subErrors[0]?.errorType) ?? text(subErrors[0]?.errorCode));
  return httpStatus === undefined ? result : { ...result, summary: ` (HTTP ${httpStatus})${result.summary}` };
}

function withFirstCode(parts: string[], code: string | undefined): { summary: string; code?: string } {
  const described = parts.filter((part) => part !== '');
  const summary = described.length === 0 ? ' without giving a reason.' : `: ${described.join('; ')}`;
  return code === undefined ? { summary } : { summary, code };
}

/** Amazon's explanation in a whole-request error body: `code` and `message`/`details`, else an excerpt. */
function amazonReason(body: string, redactor: Redactor): { text?: string; code?: string } {
  const json = parseJson(body);
  const record = isRecord(json) && Array.isArray(json.errors) && isRecord(json.errors[0]) ? json.errors[0] : json;
  if (isRecord(record)) {
    const code = text(record.code);
    const message = text(record.message) ?? text(record.details) ?? text(record.Message);
    if (code !== undefined || message !== undefined) {
      const said = clip(redactor.apply([code, message].filter(Boolean).join(': ')));
      return code === undefined ? { text: said } : { text: said, code };
    }
  }
  return body.trim() === '' ? {} : { text: `"${redactor.excerpt(body)}"` };
}

function entryAt(list: unknown, index: number): Record<string, unknown> | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.filter(isRecord).find((entry) => Number(entry.index) === index);
}


/** A string or number field as text; anything else (objects, empty strings) as undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function clip(value: string): string {
  return value.length <= MAX_EXCERPT_LENGTH ? value : `${value.slice(0, MAX_EXCERPT_LENGTH - 1)}…`;
}
