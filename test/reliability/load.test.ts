/**
 * 1,000 events in flight at once through one engine (one `execute` per event, as Adobe's edge runs
 * them), with token renewal configured: every rule succeeds, Amazon receives 1,000 valid requests
 * with distinct event ids, Login with Amazon is asked exactly once (single flight + cache), and a
 * second batch of 1,000 leaves the heap where the first left it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness, type EdgeRequest, type EngineHarness } from '../../scripts/engine/harness';
import { standInRouter } from '../../scripts/engine/routing';
import { purchaseRequest, recentEventTime } from '../engine/support';
import { pooledStandInFetch, purchaseProperty, secretsFor } from './support';

const EVENTS = 1_000;
/** Keep-alive sockets to Amazon (see pooledStandInFetch). */
const CONNECTIONS = 64;
/**
 * Adobe's engine races every action against a timer it never clears (30 s unless the rule's action
 * sets `timeout`), and until that timer fires it holds the rule's whole context, logs included:
 * about 20 KB per event that is Adobe's, not ours. The property sets the action timeout just above
 * the extension's own 10 s delivery budget, and heap is measured once those timers have fired.
 */
const ACTION_TIMEOUT_MS = 11_000;
/**
 * Heap growth allowed from after the first batch to after the second, both measured after a full
 * GC once Adobe's timers have fired. Keeping 2 KB per event (less than one logged request body) for
 * 1,000 events would exceed it.
 */
const MAX_HEAP_GROWTH_BYTES = 2 * 1024 * 1024;

// The worker was not started with --expose-gc; V8 still lets a fresh context see `gc` once the flag is set.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** heapUsed after full GCs, once every engine timer of a batch started at `batchStartedAt` has fired. */
async function settledHeap(batchStartedAt: number): Promise<number> {
  await sleep(batchStartedAt + ACTION_TIMEOUT_MS + 500 - performance.now());
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function purchase(batch: number, index: number, eventTime: string): EdgeRequest {
  const request = purchaseRequest(eventTime);
  const xdm = request.body.xdm as { _id: string; commerce: { order: { purchaseID: string } } };
  xdm._id = `xdm-load-${batch}-${index}`;
  xdm.commerce.order.purchaseID = `LOAD-${batch}-${index}`;
  return request;
}

/** Runs one batch of concurrent events; returns how many rules succeeded. */
async function runBatch(harness: EngineHarness, batch: number): Promise<number> {
  const eventTime = recentEventTime();
  const runs = await Promise.all(Array.from({ length: EVENTS }, (_, index) => harness.execute(purchase(batch, index, eventTime))));
  return runs.filter((ruleRuns) => ruleRuns.length === 1 && ruleRuns[0]?.status === 'success').length;
}

function eventIdsReceived(): string[] {
  return standIn.requests.map((request) => (request.body as { events: Array<{ eventId: string }> }).events[0]?.eventId ?? '');
}

let standIn: AmazonStandIn;
let pooled: ReturnType<typeof pooledStandInFetch>;
beforeAll(async () => {
  standIn = await startAmazonStandIn();
  pooled = pooledStandInFetch(standIn, CONNECTIONS);
});
afterAll(async () => {
  await pooled.close();
  await standIn.close();
});

describe(`${EVENTS} events at once through Adobe's engine, token renewal configured`, () => {
  it('all succeed with one token request and distinct event ids; a second batch leaves no heap behind', async () => {
    const property = purchaseProperty('events', 'renewing');
    for (const action of property.rules.flatMap((rule) => rule.actions)) Object.assign(action, { timeout: ACTION_TIMEOUT_MS });
    const harness = createEngineHarness({ property, env: secretsFor('renewing'), fetch: pooled.fetch, globalFetch: standInRouter(standIn.url) });

    const firstStartedAt = performance.now();
    expect(await runBatch(harness, 1)).toBe(EVENTS);
    const firstMs = performance.now() - firstStartedAt;
    expect(standIn.tokenRequests.map((request) => request.status)).toEqual([200]);
    expect(standIn.requests).toHaveLength(EVENTS);
    expect(standIn.requests.every((request) => request.status === 207)).toBe(true);
    expect(standIn.requests.every((request) => JSON.stringify(request.response) === '{"success":[{"index":0}],"error":[]}')).toBe(true);
    expect(standIn.requests.every((request) => request.headers.authorization === 'Bearer Atza|stand-in-1')).toBe(true);
    const firstIds = eventIdsReceived();
    expect(new Set(firstIds).size).toBe(EVENTS);
    expect(firstIds).toContain('order-LOAD-1-0');
    expect(firstIds).toContain(`order-LOAD-1-${EVENTS - 1}`);
    standIn.requests.length = 0;
    standIn.tokenRequests.length = 0;
    const heapAfterFirst = await settledHeap(firstStartedAt);

    const secondStartedAt = performance.now();
    expect(await runBatch(harness, 2)).toBe(EVENTS);
    // The cached token serves the second batch: no renewal at all.
    expect(standIn.tokenRequests).toHaveLength(0);
    expect(new Set(eventIdsReceived()).size).toBe(EVENTS);
    standIn.requests.length = 0;
    const growth = (await settledHeap(secondStartedAt)) - heapAfterFirst;

    console.info(
      `load: ${EVENTS} events in ${(firstMs / 1000).toFixed(1)} s, heapUsed after GC ${(heapAfterFirst / 1048576).toFixed(1)} MB ` +
        `after batch 1, ${(growth / 1048576).toFixed(2)} MB growth after batch 2`
    );
    expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
  }, 80_000);
});
