/** The action entry: dry run, delivery wiring, the rule-stash summary, and what reaches the logs. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliverEvent } from '../../../src/amazon/transport/deliver';
import type { DeliveryContext, DeliveryRequest, FetchInit } from '../../../src/amazon/transport/types';
import sendWebEvent from '../../../src/lib/actions/sendWebEvent';
import type { EdgeArc } from '../../../src/lib/edgeContext';
import {
  ACCESS_TOKEN,
  EVENT_TIME,
  EXPECTED_HASHES,
  NOW_MS,
  extensionSettings,
  fullPurchaseSettings,
  recordingLogger,
  xdmEvent
} from './fixtures';

vi.mock('../../../src/amazon/transport/deliver', () => ({ deliverEvent: vi.fn() }));
const deliver = vi.mocked(deliverEvent);

const STASH_KEY = 'amazon-web-events-api';

function run(action: Record<string, unknown>, arc: EdgeArc = { event: { xdm: xdmEvent() } }, extension = extensionSettings()) {
  const logger = recordingLogger();
  const fetch = vi.fn<(url: string, init: FetchInit) => Promise<Response>>();
  const utils = { getSettings: () => action, getExtensionSettings: () => extension, fetch, logger };
  return { promise: sendWebEvent({ arc, utils }), logger, fetch };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW_MS);
  deliver.mockReset();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('dry run', () => {
  it('builds and logs the request, sends nothing, and returns it hashed and masked', async () => {
    const { promise, fetch } = run({ ...fullPurchaseSettings(), dryRun: true });
    const summary = await promise;
    expect(deliver).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(summary).toMatchObject({
      status: 'dry-run',
      api: 'events',
      eventId: 'order-100234',
      httpStatus: null,
      attempts: 0,
      matchKeys: ['EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL', 'MAID', 'RAMP_ID', 'MATCH_ID'],
      warnings: []
    });
    const request = JSON.stringify(summary.request);
    expect(request).toContain(EXPECTED_HASHES.EMAIL);
    expect(request).toContain('"ipAddress":"203.0.x.x"');
    expect(request).not.toContain('203.0.113.7');
    expect(request).not.toContain('CUST000123');
  });
});

describe('sending', () => {
  it('hands the built request to delivery with Adobe’s fetch and logger', async () => {
    deliver.mockResolvedValue({ httpStatus: 207, attempts: 2 });
    const { promise, fetch, logger } = run(fullPurchaseSettings());
    await promise;
    expect(deliver).toHaveBeenCalledTimes(1);
    const [request, context] = deliver.mock.calls[0] as [DeliveryRequest, DeliveryContext];
    expect(request).toMatchObject({
      api: 'events',
      region: 'NA',
      advertiserId: '5876543210123',
      credentials: { clientId: 'amzn1.application-oa2-client.fake', accessToken: ACCESS_TOKEN }
    });
    expect(JSON.parse(request.body)).toMatchObject({ events: [{ eventTime: EVENT_TIME, eventId: 'order-100234' }] });
    expect(request.bodyForLog).not.toContain('203.0.113.7');
    expect(context.fetch).toBe(fetch);
    expect(context.logger).toBe(logger);
  });

  it('token calls use the global fetch as it is when they are made (local runs replace it)', async () => {
    deliver.mockResolvedValue({ httpStatus: 207, attempts: 1 });
    await run(fullPurchaseSettings()).promise;
    const [, context] = deliver.mock.calls[0] as [DeliveryRequest, DeliveryContext];
    const replaced = vi.fn(() => Promise.resolve(new Response('{}')));
    vi.stubGlobal('fetch', replaced);
    const init: FetchInit = { method: 'POST', headers: {}, body: 'grant_type=refresh_token' };
    await context.tokenFetch('https://api.amazon.com/auth/o2/token', init);
    expect(replaced).toHaveBeenCalledWith('https://api.amazon.com/auth/o2/token', init);
  });

  it('returns the PII-free summary merged into the extension’s rule stash entry', async () => {
    deliver.mockResolvedValue({ httpStatus: 207, attempts: 2 });
    const arc: EdgeArc = {
      event: { xdm: xdmEvent() },
      ruleStash: { [STASH_KEY]: { previousAction: 'kept', request: { stale: true } }, other: { untouched: true } }
    };
    const summary = await run(
      { ...fullPurchaseSettings(), user: { email: 'user@example.com', phone: 'call me' }, customAttributes: [] },
      arc
    ).promise;
    expect(summary).toStrictEqual({
      previousAction: 'kept',
      status: 'sent',
      api: 'events',
      eventId: 'order-100234',
      httpStatus: 207,
      attempts: 2,
      matchKeys: ['EMAIL'],
      warnings: ['user.phone was not sent: it is not a phone number in E.164 form (+ and the country code).']
    });
  });

  it('uses the XDM event id when the Event ID is empty, and null when there is none', async () => {
    deliver.mockResolvedValue({ httpStatus: 207, attempts: 1 });
    const action = { ...fullPurchaseSettings(), event: { name: 'Lead', time: EVENT_TIME, countryCode: 'US' } };
    expect(await run(action).promise).toMatchObject({ eventId: 'xdm-event-0001' });
    expect(await run(action, { event: { xdm: {} } }).promise).toMatchObject({ eventId: null });
  });

  it('fails before any request when the settings are invalid', async () => {
    const { promise } = run({ event: { name: 'Purchase', time: 'yesterday' }, user: {} }, { event: { xdm: {} } });
    await expect(promise).rejects.toThrow(/^Invalid settings: event\.time is not a valid time/);
    expect(deliver).not.toHaveBeenCalled();
  });

  it('fails the rule when delivery fails', async () => {
    deliver.mockRejectedValue(new Error('Amazon rejected the event'));
    await expect(run(fullPurchaseSettings()).promise).rejects.toThrow('Amazon rejected the event');
  });
});

describe('logs', () => {
  it('say what is sent where, show the hashed body and warnings, and never a secret or raw personal value', async () => {
    deliver.mockResolvedValue({ httpStatus: 207, attempts: 1 });
    const action = fullPurchaseSettings();
    (action.user as Record<string, unknown>).phone = '555-0100';
    const { promise, logger } = run(action);
    await promise;
    expect(logger.lines[0]).toBe(
      'info: Amazon Events API (NA): "Purchase" as OFF_AMAZON_PURCHASES, event ID order-100234, match keys ' +
        'EMAIL, FIRST_NAME, LAST_NAME, ADDRESS, CITY, STATE, POSTAL, MAID, RAMP_ID, MATCH_ID.'
    );
    expect(logger.lines[1]).toMatch(/^info: Request body \(hashed; IP address and raw IDs masked\): \{"events":\[/);
    expect(logger.lines[1]).toContain(EXPECTED_HASHES.EMAIL);
    expect(logger.lines[2]).toBe('warn: user.phone was not sent: it is not a phone number in E.164 form (+ and the country code).');
    const all = logger.lines.join('\n');
    for (const sensitive of [ACCESS_TOKEN, 'Test.User@Example.COM', 'test.user@example.com', '555-0100', '203.0.113.7', 'CUST000123', 'José', 'ad-id-fake-0001']) {
      expect(all).not.toContain(sensitive);
    }
  });
});
