/**
 * Throughput through Adobe's own engine (`@adobe/reactor-turbine-edge`, via scripts/engine): the
 * built action sends each purchase over loopback HTTP to the Amazon stand-in, which validates it and
 * answers 207 as Amazon does. The same property run with a do-nothing action (bench/fixtures/
 * noop-extension) gives the engine's own cost per event: token resolution, data elements, rule
 * bookkeeping, trace logs and the harness's reading of them.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startAmazonStandIn } from '../scripts/amazon-stand-in';
import { createEngineHarness, type EdgeRequest, type EngineHarness } from '../scripts/engine/harness';
import {
  pathDataElement,
  secretDataElement,
  SEND_WEB_EVENT_MODULE,
  type PropertyDefinition,
  type RuleComponent
} from '../scripts/engine/property';
import { standInRouter } from '../scripts/engine/routing';
import { errorTraces } from '../scripts/engine/traces';
import { EXTENSION } from '../src/fields/registry';
import { acceptedAnswer } from './action';
import { ACCESS_TOKEN, extensionSettings } from './events';

const NOOP_ROOT = fileURLToPath(new URL('./fixtures/noop-extension/', import.meta.url));
const NOOP_EXTENSION = 'bench-noop';
const NOOP_MODULE = `${NOOP_EXTENSION}/lib/noop.js`;
const TOKEN_SECRET_ID = 'SE-bench-access-token';

const DATA_ELEMENTS: PropertyDefinition['dataElements'] = {
  'Amazon access token': secretDataElement(TOKEN_SECRET_ID, 'Amazon access token'),
  'Event time': pathDataElement('arc.event.xdm.timestamp'),
  'Order ID': pathDataElement('arc.event.xdm.commerce.order.purchaseID'),
  Email: pathDataElement('arc.event.data.customer.email'),
  Phone: pathDataElement('arc.event.data.customer.phone'),
  Cart: pathDataElement('arc.event.data.cart')
};

/** The purchase as a tag engineer sets it up in Tags: data element tokens for what varies per event. */
const PURCHASE_ACTION_SETTINGS = {
  event: { name: 'Purchase', time: '{{Event time}}', id: 'order-{{Order ID}}', countryCode: 'en-US' },
  user: {
    ipAddress: '203.0.113.7',
    email: '{{Email}}',
    phone: '{{Phone}}',
    externalId: 'CUST000123',
    firstName: 'José',
    lastName: 'Doe',
    address: '123 Main St.',
    city: 'San Francisco',
    state: 'CA',
    postalCode: 'H0H 0H0',
    maid: 'ad-id-fake-0001',
    rampId: 'XYfakeRampId01'
  },
  properties: { currency: 'USD', contentType: 'product', status: 'paid', contents: '{{Cart}}' },
  consent: { amznUserData: 'GRANTED', amznAdStorage: 'DENIED', tcf: 'CPfakeTCF', gpp: 'DBfakeGPP' },
  customAttributes: [{ name: 'coupon', value: 'SUMMER_24' }]
};

function purchaseProperty(modulePath: string): PropertyDefinition {
  const action: RuleComponent = { modulePath, settings: PURCHASE_ACTION_SETTINGS };
  return {
    // The engine runs a module only when its extension is configured in the property.
    extensions:
      modulePath === SEND_WEB_EVENT_MODULE
        ? { [EXTENSION.name]: { settings: { ...extensionSettings('events'), accessToken: '{{Amazon access token}}' } } }
        : { [NOOP_EXTENSION]: { settings: {} } },
    dataElements: DATA_ELEMENTS,
    rules: [{ id: 'RL-bench-purchase', name: 'Amazon purchase', actions: [action] }]
  };
}

function purchaseRequest(index: number, eventTime: string): EdgeRequest {
  return {
    header: { httpHeaders: { 'x-request-id': `req-bench-${index}` } },
    body: {
      xdm: { _id: `xdm-bench-${index}`, timestamp: eventTime, commerce: { order: { purchaseID: `ORDER-${index}` } } },
      data: {
        customer: { email: ' Test.User@Example.COM ', phone: '+1 (555) 555-0100' },
        cart: [
          { price: 49.99, quantity: 2, contentId: 'SKU_123', contentName: 'Acme X', contentCategory: 'headphones', brand: 'acme' },
          { price: 5.01, quantity: 1, contentId: 'SKU_9' }
        ]
      }
    }
  };
}

export interface ThroughputResult {
  readonly concurrency: number;
  readonly events: number;
  readonly eventsPerSecond: number;
  /** Wall time per event at this concurrency (1 / throughput), in microseconds. */
  readonly usPerEvent: number;
}

export interface EngineResults {
  /** The built action, sending to the stand-in over loopback HTTP. */
  readonly action: readonly ThroughputResult[];
  /** The built action with a `fetch` that answers 207 in process: the engine and the action without the network. */
  readonly actionWithoutNetwork: readonly ThroughputResult[];
  /** The do-nothing action: the engine's own cost. */
  readonly noop: readonly ThroughputResult[];
}

/** Amazon's acceptance of the one event, as a real Response (Adobe's fetch wrapper clones and reads it). */
const acceptingFetch = (): Promise<Response> =>
  Promise.resolve(new Response(acceptedAnswer('events'), { status: 207, headers: { 'content-type': 'application/json' } }));

async function throughput(harness: EngineHarness, concurrency: number, events: number): Promise<ThroughputResult> {
  const eventTime = new Date(Date.now() - 60_000).toISOString();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < events) {
      const index = next;
      next += 1;
      const [rule] = await harness.execute(purchaseRequest(index, eventTime));
      if (rule?.status !== 'success') {
        const why = rule === undefined ? 'no rule ran' : errorTraces(rule.logs).join(' | ');
        throw new Error(`event ${index} did not succeed in the engine: ${why}`);
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  return { concurrency, events, eventsPerSecond: events / seconds, usPerEvent: (seconds * 1e6) / events };
}

export interface EngineOptions {
  readonly concurrencies: readonly number[];
  readonly warmupEvents: number;
  /** Events per run without the network (no-op action, in-process answer). */
  readonly events: number;
  /** Events per run through the stand-in (loopback HTTP is much slower per event). */
  readonly networkEvents: number;
}

export async function measureEngine(options: EngineOptions): Promise<EngineResults> {
  const standIn = await startAmazonStandIn();
  try {
    const common = { env: { [TOKEN_SECRET_ID]: ACCESS_TOKEN }, fetch: standIn.fetch, globalFetch: standInRouter(standIn.url) };
    const actionHarness = createEngineHarness({ ...common, property: purchaseProperty(SEND_WEB_EVENT_MODULE) });
    const noopHarness = createEngineHarness({ ...common, property: purchaseProperty(NOOP_MODULE), extensionRoot: NOOP_ROOT });

    const inProcessHarness = createEngineHarness({ ...common, fetch: acceptingFetch, property: purchaseProperty(SEND_WEB_EVENT_MODULE) });

    const run = async (harness: EngineHarness, events: number): Promise<ThroughputResult[]> => {
      const results: ThroughputResult[] = [];
      for (const concurrency of options.concurrencies) {
        await throughput(harness, concurrency, Math.min(options.warmupEvents, events));
        results.push(await throughput(harness, concurrency, events));
        standIn.reset();
      }
      return results;
    };
    const noop = await run(noopHarness, options.events);
    const actionWithoutNetwork = await run(inProcessHarness, options.events);
    const action = await run(actionHarness, options.networkEvents);
    // Proof the action's events really reached the stand-in and were accepted (it resets after each run).
    await actionHarness.execute(purchaseRequest(0, new Date(Date.now() - 60_000).toISOString()));
    const [accepted] = standIn.requests;
    if (accepted?.status !== 207 || JSON.stringify(accepted.response).includes('"errors"')) {
      throw new Error(`the stand-in did not accept the benchmark purchase: ${JSON.stringify(accepted?.response)}`);
    }
    return { action, actionWithoutNetwork, noop };
  } finally {
    await standIn.close();
  }
}
