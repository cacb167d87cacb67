/**
 * The printout of npm start / npm run send, from a real engine run: the Amazon exchange read from
 * the stand-in and, for --live (no stand-in), from the engine's FETCH trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness } from '../../scripts/engine/harness';
import { compactJson, exchangeFromStandIn, exchangesFromTraces, formatEventReport } from '../../scripts/engine/report';
import { standInRouter } from '../../scripts/engine/routing';
import { ACCESS_TOKEN, ACCESS_TOKEN_SECRET_ID, property, PURCHASE_SETTINGS, purchaseRequest, recentEventTime, sendRule, sha256 } from './support';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn();
});
afterAll(() => standIn.close());

describe('event report', () => {
  it('reads the same exchange from the trace as the stand-in recorded, and prints it masked', async () => {
    const runs = await createEngineHarness({
      property: property([sendRule('RL-report', PURCHASE_SETTINGS)]),
      env: { [ACCESS_TOKEN_SECRET_ID]: ACCESS_TOKEN },
      fetch: standIn.fetch,
      globalFetch: standInRouter(standIn.url)
    }).execute(purchaseRequest(recentEventTime()));
    const [recorded] = standIn.requests;
    const fromTrace = exchangesFromTraces(runs[0]?.logs ?? []);

    expect(fromTrace).toHaveLength(1);
    expect(fromTrace[0]).toMatchObject({ url: 'https://advertising-api.amazon.com/adsApi/v1/create/events', status: 207, response: recorded?.response });
    const report = formatEventReport({ title: 'purchase', runs, exchanges: [exchangeFromStandIn(recorded as NonNullable<typeof recorded>)] });
    expect(report).toContain('Rule "Rule RL-report" (RL-report): success');
    expect(report).toContain('authorization: Bearer *****oken');
    expect(report).toContain(`"values": ["${sha256('user@example.com')}"]`);
    expect(report).toContain('"consent": {"geo":{"ipAddress":"*****13.7"}}');
    expect(report).not.toContain('203.0.113.7');
    expect(report).not.toContain('fake-access-token');
  });

  it('keeps short JSON on one line and breaks long JSON', () => {
    expect(compactJson({ type: 'EMAIL', values: ['a'] })).toBe('{"type":"EMAIL","values":["a"]}');
    expect(compactJson({ list: ['x'.repeat(60), 'y'.repeat(60)] }, '', 40)).toBe(`{\n  "list": [\n    "${'x'.repeat(60)}",\n    "${'y'.repeat(60)}"\n  ]\n}`);
  });
});
