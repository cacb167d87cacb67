/**
 * The engine harness itself, with a fixture extension whose actions echo what Adobe's engine hands
 * them (test/engine/fixtures/echo-extension): token conversion, secrets, fetch routing, fresh
 * engine instances, Tags' settings validation and the edge's require rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness, type EdgeRequest, type HarnessOptions } from '../../scripts/engine/harness';
import { pathDataElement, secretDataElement, type PropertyDefinition, type RuleDefinition } from '../../scripts/engine/property';
import { standInRouter } from '../../scripts/engine/routing';
import { errorTraces, traceText } from '../../scripts/engine/traces';

const ECHO_ROOT = fileURLToPath(new URL('./fixtures/echo-extension/', import.meta.url));
const ECHO = 'echo-extension/lib/echo.js';
const SECRET = 'Atza|fake-access-token';

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn();
});
afterAll(() => standIn.close());

const dataElements: PropertyDefinition['dataElements'] = {
  Token: secretDataElement('SE-token', 'Fake token'),
  Order: pathDataElement('arc.event.xdm.commerce.order'),
  'Order ID': pathDataElement('arc.event.xdm.commerce.order.purchaseID'),
  Total: pathDataElement('arc.event.xdm.commerce.order.priceTotal'),
  Cart: pathDataElement('arc.event.data.cart'),
  Missing: pathDataElement('arc.event.data.notThere')
};

const request: EdgeRequest = {
  header: { httpHeaders: { 'x-request-id': 'req-harness', 'x-not-forwarded': 'no' } },
  body: {
    xdm: { commerce: { order: { purchaseID: 'A-1', priceTotal: 42.5, currencyCode: 'EUR' } } },
    data: { cart: [{ contentId: 'SKU_1', quantity: 2 }] }
  }
};

function harness(rules: RuleDefinition[], overrides: Partial<HarnessOptions> = {}) {
  return createEngineHarness({
    extensionRoot: ECHO_ROOT,
    property: { extensions: { 'echo-extension': { settings: { accessToken: '{{Token}}', label: 'order {{Order ID}}' } } }, dataElements, rules },
    env: { 'SE-token': SECRET },
    fetch: standIn.fetch,
    globalFetch: standInRouter(standIn.url),
    ...overrides
  });
}

const rule = (id: string, actions: RuleDefinition['actions']): RuleDefinition => ({ id, name: `Rule ${id}`, actions });

describe('token conversion, as Adobe converts Tags settings', () => {
  it('keeps the data element type of whole tokens and concatenates mixed strings, at any depth', async () => {
    const [result] = await harness([
      rule('RL-echo', [
        {
          modulePath: ECHO,
          settings: {
            order: '{{Order}}',
            cart: '{{Cart}}',
            total: '{{Total}}',
            id: 'order-{{Order ID}}',
            twoTokens: '{{Order ID}}/{{Total}}',
            missing: '{{Missing}}',
            missingInText: 'x-{{Missing}}',
            nested: { list: ['{{Total}}', 'literal'] }
          }
        }
      ])
    ]).execute(request);

    expect(result?.status).toBe('success');
    expect(result?.ruleStash).toEqual({
      'echo-extension': {
        settings: {
          order: { purchaseID: 'A-1', priceTotal: 42.5, currencyCode: 'EUR' },
          cart: [{ contentId: 'SKU_1', quantity: 2 }],
          total: 42.5,
          id: 'order-A-1',
          twoTokens: 'A-1/42.5',
          // Core's Path element resolves a missing value to null; in a mixed string that reads "null".
          missing: null,
          missingInText: 'x-null',
          nested: { list: [42.5, 'literal'] }
        },
        // The secret is masked because the stash is read from the trace, as Adobe shows it.
        extensionSettings: { accessToken: '*****oken', label: 'order A-1' },
        previousStash: null
      }
    });
  });

  it('stores each action result in the stash, replacing the previous one of the same extension', async () => {
    const [result] = await harness([rule('RL-two', [{ modulePath: ECHO, settings: { step: 1 } }, { modulePath: ECHO, settings: { step: 2 } }])]).execute(request);

    expect(result?.ruleStash['echo-extension']).toMatchObject({
      settings: { step: 2 },
      previousStash: { settings: { step: 1 } }
    });
  });
});

describe('secrets and fetch', () => {
  it('resolves the Core Secret from env, masks it in logs, forwards x-request-id, and routes both fetches', async () => {
    standIn.reset();
    const originalFetch = globalThis.fetch;
    const [result] = await harness([
      rule('RL-call', [
        {
          modulePath: 'echo-extension/lib/callAmazon.js',
          settings: { url: 'https://advertising-api-eu.amazon.com/adsApi/v1/create/events', tokenUrl: 'https://api.amazon.co.uk/auth/o2/token' }
        }
      ])
    ]).execute(request);

    expect(result?.status).toBe('success');
    expect(standIn.requests.map(({ host, headers }) => ({ host, authorization: headers.authorization, requestId: headers['x-request-id'], other: headers['x-not-forwarded'] }))).toEqual([
      { host: 'advertising-api-eu.amazon.com', authorization: `Bearer ${SECRET}`, requestId: 'req-harness', other: undefined }
    ]);
    expect(standIn.tokenRequests.map(({ host }) => host)).toEqual(['api.amazon.co.uk']);
    const logs = result?.logs.map(traceText).join('\n') ?? '';
    expect(logs).toContain('"Authorization":"Bearer *****oken"');
    expect(logs).not.toContain('fake-access-token');
    expect(globalThis.fetch).toBe(originalFetch);
  });

  it('refuses any host that is not Amazon\'s during a local run', async () => {
    const [result] = await harness([rule('RL-elsewhere', [{ modulePath: 'echo-extension/lib/callAmazon.js', settings: { url: 'https://example.com/collect' } }])]).execute(request);

    expect(result?.status).toBe('failed');
    expect(errorTraces(result?.logs ?? [])[0]).toContain('refusing https://example.com');
  });
});

describe('engine instances', () => {
  it('gives every harness a fresh engine and fresh library modules; one harness keeps its state across events', async () => {
    const counting = [rule('RL-count', [{ modulePath: 'echo-extension/lib/countCalls.js', settings: {} }])];
    const first = harness(counting);
    const second = harness(counting);

    expect((await first.execute(request))[0]?.ruleStash).toEqual({ 'echo-extension': { calls: 1 } });
    expect((await first.execute(request))[0]?.ruleStash).toEqual({ 'echo-extension': { calls: 2 } });
    expect((await second.execute(request))[0]?.ruleStash).toEqual({ 'echo-extension': { calls: 1 } });
  });

  it('leaves no referenced timer behind (the engine\'s 30 s timeouts are unref\'d)', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    await harness([rule('RL-echo', [{ modulePath: ECHO, settings: {} }])]).execute(request);

    expect(timers()).toBe(before);
  });
});

describe('what Adobe would refuse', () => {
  it('refuses settings that Tags would not save (the schema in extension.json)', () => {
    expect(() => harness([rule('RL-bad', [{ modulePath: 'echo-extension/lib/callAmazon.js', settings: { tokenUrl: 'https://api.amazon.com/auth/o2/token' } }])])).toThrow(
      'Tags would not save this property:\n- rule "Rule RL-bad" component 1: / must have required property \'url\''
    );
  });

  it('refuses a library module that requires a Node built-in', () => {
    expect(() => harness([rule('RL-node', [{ modulePath: 'echo-extension/lib/requireNode.js', settings: {} }])])).toThrow(
      'requires "crypto": edge library modules may only require files of their own extension by a relative path.'
    );
  });
});
