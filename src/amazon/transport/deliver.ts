/**
 * Sends one finished event to Amazon's Events API and settles what happened: resolves when Amazon
 * lists the event as accepted, throws `AmazonDeliveryError` otherwise. Every attempt sends the
 * same body (same event id), so Amazon counts a retried event once. Time is bounded by a budget
 * well inside Adobe's 30 s per event, token renewal included.
 */
import { eventsUrl } from '../endpoints';
import { accessTokensFor, type AccessTokens } from './auth';
import { formatSeconds, realClock, withTimeLimit } from './clock';
import { AmazonDeliveryError, describeNoAnswer } from './errors';
import { Redactor, valuesMaskedForLog } from './redact';
import { eventsRequestInit } from './request';
import { interpretAnswer, type AmazonAnswer, type AttemptOutcome } from './response';
import {
  ATTEMPT_TIME_LIMIT_MS,
  DELIVERY_BUDGET_MS,
  MAX_ATTEMPTS,
  MIN_ATTEMPT_TIME_MS,
  parseRetryAfter,
  planRetry,
  type RetryPlan
} from './retry';
import type { Clock, DeliveryContext, DeliveryRequest, DeliveryResult } from './types';

export { AmazonDeliveryError } from './errors';

export const TOKEN_REJECTED_MESSAGE =
  'Amazon rejected the access token (HTTP 401): it is invalid or expired. Update the Access Token secret, ' +
  'or set Refresh Token and Client Secret so the extension renews tokens itself.';

export const RENEWED_TOKEN_REJECTED_MESSAGE =
  'Amazon rejected the access token (HTTP 401) even after it was renewed: the Login with Amazon user may lack ' +
  'access to this advertiser account, or the Client ID may not be enabled for the Amazon Ads API.';

export async function deliverEvent(request: DeliveryRequest, context: DeliveryContext): Promise<DeliveryResult> {
  const clock = context.clock ?? realClock;
  const deadline = clock.now() + DELIVERY_BUDGET_MS;
  const { credentials } = request;
  const redactor = new Redactor();
  redactor.addDeferred(() => valuesMaskedForLog(request.body, request.bodyForLog));
  for (const secret of [credentials.accessToken, credentials.refreshToken, credentials.clientSecret]) {
    redactor.add(secret);
    redactor.add(secret?.trim());
  }
  const delivery = new Delivery(request, context, clock, deadline, redactor);
  try {
    return await delivery.run();
  } catch (error) {
    // Always a fresh instance with this delivery's count: events waiting on one failed renewal share
    // its error, and Adobe's engine prefixes each thrown error's message in place.
    if (error instanceof AmazonDeliveryError) throw error.withAttempts(delivery.attempts);
    throw error;
  }
}

class Delivery {
  attempts = 0;
  private readonly url: string;
  /** Trimmed once: a pasted trailing newline would make fetch reject the header on every attempt. */
  private readonly advertiserId: string;
  private readonly clientId: string;

  constructor(
    private readonly request: DeliveryRequest,
    private readonly context: DeliveryContext,
    private readonly clock: Clock,
    private readonly deadline: number,
    private readonly redactor: Redactor
  ) {
    this.url = eventsUrl(request.region, request.api);
    this.advertiserId = request.advertiserId.trim();
    this.clientId = request.credentials.clientId.trim();
  }

  async run(): Promise<DeliveryResult> {
    const tokens = accessTokensFor(this.request.region, this.request.credentials, {
      tokenFetch: this.context.tokenFetch,
      logger: this.context.logger,
      clock: this.clock,
      deadline: this.deadline,
      redactor: this.redactor
    });
    let accessToken = await this.tokenFrom(tokens);
    let renewedAfterRejection = false;

    for (;;) {
      this.ensureTimeForAnotherAttempt();
      this.attempts += 1;
      const outcome = await this.attempt(accessToken);
      const label = `Amazon Events API attempt ${this.attempts}/${MAX_ATTEMPTS}`;

      if (outcome.kind === 'delivered') {
        this.context.logger.info(`${label}: HTTP ${outcome.status}, event accepted.`);
        return { httpStatus: outcome.status, attempts: this.attempts };
      }

      if (outcome.kind === 'unauthorized') {
        if (!tokens.renewable) {
          this.context.logger.warn(`${label}: ${outcome.detail}; not retried (no refresh token configured).`);
          throw new AmazonDeliveryError(TOKEN_REJECTED_MESSAGE, this.failure('UNAUTHORIZED', outcome.status));
        }
        if (renewedAfterRejection) {
          this.context.logger.warn(`${label}: ${outcome.detail} with a renewed token; not retried.`);
          throw new AmazonDeliveryError(RENEWED_TOKEN_REJECTED_MESSAGE, this.failure('UNAUTHORIZED', outcome.status));
        }
        if (this.attempts >= MAX_ATTEMPTS) {
          this.context.logger.warn(`${label}: ${outcome.detail}; no attempts left.`);
          throw this.exhausted(outcome.detail, outcome.status);
        }
        this.context.logger.warn(`${label}: ${outcome.detail}; renewing the access token and trying again.`);
        accessToken = await this.tokenFrom(tokens, accessToken);
        renewedAfterRejection = true;
        continue;
      }

      const now = this.clock.now();
      const plan = planRetry({
        attempt: this.attempts,
        retryAfterMs: parseRetryAfter(outcome.retryAfter, now),
        now,
        deadline: this.deadline,
        random: this.clock.random()
      });
      if (!plan.retry) {
        this.context.logger.warn(`${label}: ${outcome.detail}; not retried.`);
        throw this.givenUp(plan, outcome.detail, outcome.status, now);
      }
      this.context.logger.warn(`${label}: ${outcome.detail}; retrying in ${formatSeconds(plan.waitMs)}.`);
      await this.clock.sleep(plan.waitMs);
    }
  }

  /** The token to send, or a replacement for `rejected` after a 401. */
  private async tokenFrom(tokens: AccessTokens, rejected?: string): Promise<string> {
    if (!tokens.renewable) return tokens.accessToken;
    const accessToken = rejected === undefined ? await tokens.current() : await tokens.replace(rejected);
    this.redactor.add(accessToken);
    return accessToken;
  }

  private async attempt(accessToken: string): Promise<AttemptOutcome> {
    const { request } = this;
    const limit = Math.min(ATTEMPT_TIME_LIMIT_MS, this.deadline - this.clock.now());
    let answer: AmazonAnswer;
    try {
      answer = await withTimeLimit(this.clock, limit, async (signal) => {
        const init = eventsRequestInit(
          {
            api: request.api,
            accessToken,
            advertiserId: this.advertiserId,
            clientId: this.clientId,
            body: request.body,
            bodyForLog: request.bodyForLog
          },
          signal
        );
        const response = await this.context.fetch(this.url, init);
        // The body is read inside the time limit too: a stalled body is as bad as no answer.
        return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
      });
    } catch (error) {
      return { kind: 'transient', status: undefined, retryAfter: null, detail: this.redactor.apply(describeNoAnswer(error)) };
    }
    try {
      return interpretAnswer(answer, request.api, this.attempts, this.redactor);
    } catch (error) {
      if (error instanceof AmazonDeliveryError) {
        this.context.logger.warn(
          `Amazon Events API attempt ${this.attempts}/${MAX_ATTEMPTS}: HTTP ${answer.status}; not retried (${error.code}).`
        );
      }
      throw error;
    }
  }

  private ensureTimeForAnotherAttempt(): void {
    if (this.deadline - this.clock.now() >= MIN_ATTEMPT_TIME_MS) return;
    throw new AmazonDeliveryError(
      `Gave up after ${plural(this.attempts, 'attempt')}: this event's ${formatSeconds(DELIVERY_BUDGET_MS)} ` +
        'delivery time ran out while waiting for an access token from Login with Amazon.',
      this.failure('TIME_BUDGET_EXHAUSTED', undefined, true)
    );
  }

  private givenUp(plan: RetryPlan & { retry: false }, detail: string, status: number | undefined, now: number): AmazonDeliveryError {
    if (plan.reason === 'attempts') return this.exhausted(detail, status);
    if (plan.reason === 'retry-after') {
      const who = status === 429 ? 'Amazon throttled the request (HTTP 429)' : `Amazon answered ${detail}`;
      return new AmazonDeliveryError(
        `${who} and asked to wait ${formatSeconds(plan.waitMs)} before retrying, longer than this event's delivery ` +
          `time allows; gave up after ${plural(this.attempts, 'attempt')}. Amazon accepts requests again from ` +
          `${new Date(now + plan.waitMs).toISOString()}.`,
        this.failure(status === 429 ? 'THROTTLED' : 'TIME_BUDGET_EXHAUSTED', status, true)
      );
    }
    return new AmazonDeliveryError(
      `Gave up after ${plural(this.attempts, 'attempt')}: this event's ${formatSeconds(DELIVERY_BUDGET_MS)} ` +
        `delivery time is used up. Last attempt: ${detail}.`,
      this.failure('TIME_BUDGET_EXHAUSTED', status, true)
    );
  }

  private exhausted(detail: string, status: number | undefined): AmazonDeliveryError {
    return new AmazonDeliveryError(
      `Amazon did not accept the event after ${plural(this.attempts, 'attempt')}. Last attempt: ${detail}.`,
      this.failure('RETRIES_EXHAUSTED', status, true)
    );
  }

  private failure(code: AmazonDeliveryError['code'], status: number | undefined, retriable = false) {
    return { code, attempts: this.attempts, retriable, ...(status === undefined ? {} : { status }) };
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
