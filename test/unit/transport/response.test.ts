import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiName } from '../../../src/amazon/endpoints';
import { forgetAccessTokens } from '../../../src/amazon/transport/auth';
import { AmazonDeliveryError, deliverEvent } from '../../../src/amazon/transport/deliver';
import {
  ACCESS_TOKEN,
  RAW_IP,
  accepted,
  context,
  deliveryRequest,
  json,
  scriptedFetch,
  text,
  type Step
} from './support';

beforeEach(() => forgetAccessTokens());

const send = (api: ApiName, ...steps: Step[]) => {
  const fetch = scriptedFetch(...steps);
  return { fetch, promise: deliverEvent(deliveryRequest({ api }), context(fetch)) };
};

describe('Amazon 207 answers', () => {
  it('events API: our event (index 0) in error[] fails with code, field and message', async () => {
    const { promise } = send(
      'events',
      json(207, {
        success: [],
        error: [{ index: 0, errors: [{ code: 'BAD_REQUEST', message: 'Invalid timestamp', fieldLocation: 'eventTime' }] }]
      })
    );

    await expect(promise).rejects.toThrow(/^Amazon rejected the event: BAD_REQUEST at eventTime: Invalid timestamp$/);
    await expect(promise).rejects.toMatchObject({
      name: 'AmazonDeliveryError',
      code: 'EVENT_REJECTED',
      amazonCode: 'BAD_REQUEST',
      status: 207,
      attempts: 1,
      retriable: false
    });
  });

  it('events API: lists every error Amazon gives for the event', async () => {
    const { promise } = send(
      'events',
      json(207, {
        success: [],
        error: [
          {
            index: 0,
            errors: [
              { code: 'BAD_REQUEST', message: 'Invalid timestamp', fieldLocation: 'eventTime' },
              { code: 'BAD_REQUEST', message: 'Unknown country' }
            ]
          }
        ]
      })
    );

    await expect(promise).rejects.toThrow(
      /^Amazon rejected the event: BAD_REQUEST at eventTime: Invalid timestamp; BAD_REQUEST: Unknown country$/
    );
  });

  it('legacy API: our event (index 1) in error[] fails with the sub-errors', async () => {
    const { promise } = send(
      'legacy',
      json(207, {
        success: [],
        error: [
          {
            index: 1,
            httpStatusCode: '400',
            itemRequestId: 'req-fake-1',
            subErrors: [{ errorCode: 400, errorType: 'INVALID_TIMESTAMP', errorMessage: 'Event is older than 7 days' }]
          }
        ]
      })
    );

    await expect(promise).rejects.toThrow(
      /^Amazon rejected the event \(HTTP 400\): INVALID_TIMESTAMP: Event is older than 7 days$/
    );
    await expect(promise).rejects.toMatchObject({ code: 'EVENT_REJECTED', amazonCode: 'INVALID_TIMESTAMP' });
  });

  it('a rejection without details still fails, saying so', async () => {
    const { promise } = send('events', json(207, { success: [], error: [{ index: 0 }] }));

    await expect(promise).rejects.toThrow(/^Amazon rejected the event without giving a reason\.$/);
  });

  it.each([
    ['events', { success: [{ index: 0 }], error: [{ index: 1, errors: [{ code: 'BAD_REQUEST', message: 'x' }] }] }],
    // A 0-based reading of a legacy answer would wrongly take index 0 for our event.
    ['legacy', { success: [{ index: 1, message: null }], error: [{ index: 0, httpStatusCode: '400', subErrors: [] }] }],
    ['legacy', { success: [{ index: '1' }], error: [{ index: 2, httpStatusCode: '400', subErrors: [] }] }]
  ] as const)('%s: another index in error[] only, ours in success[] → delivered', async (api, body) => {
    const { promise } = send(api, json(207, body));

    await expect(promise).resolves.toEqual({ httpStatus: 207, attempts: 1 });
  });

  it('accepts 200 with the same body', async () => {
    const { promise } = send('events', json(200, { success: [{ index: 0 }], error: [] }));

    await expect(promise).resolves.toEqual({ httpStatus: 200, attempts: 1 });
  });

  it('the event in neither list: fails clearly', async () => {
    const { promise } = send('events', json(207, { success: [{ index: 3 }], error: [] }));

    await expect(promise).rejects.toThrow(
      'Amazon answered HTTP 207 but listed the event (index 0) neither as accepted nor as rejected: ' +
        '"{"success":[{"index":3}],"error":[]}"'
    );
  });

  it('a body that is not JSON: fails with the status and a short excerpt, not retried', async () => {
    const { fetch, promise } = send('events', text(207, `<html>\n  <body>${'x'.repeat(400)}</body></html>`), accepted());

    const error = (await promise.catch((caught: unknown) => caught)) as AmazonDeliveryError;
    expect(error).toBeInstanceOf(AmazonDeliveryError);
    expect(error.message).toBe(
      `Amazon answered HTTP 207 with "<html> <body>${'x'.repeat(186)}…" instead of its { success, error } JSON; ` +
        "the event's fate is unknown."
    );
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(fetch.calls).toHaveLength(1);
  });

  it('JSON that is not the expected shape, and an empty body', async () => {
    await expect(send('events', json(207, ['unexpected'])).promise).rejects.toThrow(
      /^Amazon answered HTTP 207 with "\["unexpected"\]" instead of its \{ success, error \} JSON/
    );
    await expect(send('events', text(207, '')).promise).rejects.toThrow(
      /^Amazon answered HTTP 207 with an empty body instead of its \{ success, error \} JSON/
    );
  });
});

describe('whole-request errors', () => {
  it('403: says what permission and terms Amazon needs', async () => {
    const { promise } = send('events', json(403, { code: 'FORBIDDEN', message: 'Not authorized to access this advertiser' }));

    await expect(promise).rejects.toThrow(
      'Amazon refused access (HTTP 403): FORBIDDEN: Not authorized to access this advertiser. The Login with Amazon ' +
        'user needs Events Manager view and edit permission on this advertiser account, and the Amazon Ads API terms ' +
        'must be accepted for this Client ID.'
    );
    await expect(promise).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403, amazonCode: 'FORBIDDEN' });
  });

  it('400: quotes Amazon', async () => {
    const { promise } = send('legacy', json(400, { code: '400', details: 'Invalid advertiser account id' }));

    await expect(promise).rejects.toThrow(/^Amazon rejected the request \(HTTP 400\): 400: Invalid advertiser account id$/);
    await expect(promise).rejects.toMatchObject({ code: 'REQUEST_REJECTED', status: 400, attempts: 1 });
  });

  it('400 with an errors[] list, and 404 with a plain body', async () => {
    await expect(
      send('events', json(400, { errors: [{ code: 'INVALID_ARGUMENT', message: 'dataSetName not found' }] })).promise
    ).rejects.toThrow(/^Amazon rejected the request \(HTTP 400\): INVALID_ARGUMENT: dataSetName not found$/);
    await expect(send('events', text(404, 'Not Found')).promise).rejects.toThrow(
      /^Amazon rejected the request \(HTTP 404\): "Not Found"$/
    );
    await expect(send('events', text(405, '')).promise).rejects.toThrow(
      /^Amazon rejected the request \(HTTP 405\): no details given$/
    );
  });

  it('never repeats the token or the raw IP address that an answer echoes', async () => {
    const echo = `Bearer ${ACCESS_TOKEN} from ${RAW_IP} is not allowed`;
    const answers: Step[] = [
      json(400, { code: 'BAD_REQUEST', message: echo }),
      text(418, echo),
      json(207, { success: [], error: [{ index: 0, errors: [{ code: 'BAD_REQUEST', message: echo }] }] }),
      text(207, echo)
    ];
    for (const answer of answers) {
      const error = (await send('events', answer).promise.catch((caught: unknown) => caught)) as Error;
      expect(error).toBeInstanceOf(AmazonDeliveryError);
      expect(error.message).toContain('Bearer [redacted] from [redacted] is not allowed');
      expect(error.message).not.toContain('fake-access-token');
      expect(error.message).not.toContain(RAW_IP);
    }
  });
});
