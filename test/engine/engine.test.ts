/** The engine loader: both call shapes of Adobe's engine get the fetch. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEngine, type EngineFetch } from '../../scripts/engine/engine';

const FOUR_X = fileURLToPath(new URL('./fixtures/turbine-edge-4-call-shape.js', import.meta.url));

function containerWithFetchingAction() {
  return () => ({
    rules: [{ id: 'RL1', name: 'Fetch once', actions: [{ modulePath: 'demo/action.js' }] }],
    extensions: { demo: { displayName: 'Demo' } },
    modules: {
      'demo/action.js': {
        displayName: 'Fetch once',
        extensionName: 'demo',
        script: async ({ utils }: { utils: { fetch: EngineFetch } }) => (await utils.fetch('https://advertising-api.amazon.com/x', { headers: { a: '1' } })).status
      }
    }
  });
}

describe('startEngine', () => {
  const calls: Array<{ url: string; headers: unknown }> = [];
  const fetch: EngineFetch = (resource, init) => {
    calls.push({ url: typeof resource === 'string' ? resource : resource.url, headers: init?.headers });
    return Promise.resolve(new Response(null, { status: 207 }));
  };

  it.each([
    ['3.0.1 (installed; fetch given to initialize)', undefined],
    ['4.x (fetch given per executeRules call)', FOUR_X]
  ])('engine %s: the action\'s utils.fetch reaches the given fetch with the sub-request headers', async (_, engineFile) => {
    calls.length = 0;
    const executeRules = startEngine(containerWithFetchingAction(), fetch, engineFile);
    const [result] = await executeRules({ event: { xdm: {}, data: {} }, request: {} }, {}, { headersForSubrequests: { 'x-request-id': 'req-1' } });

    expect(result?.status).toBe('success');
    expect(calls).toEqual([{ url: 'https://advertising-api.amazon.com/x', headers: { a: '1', 'x-request-id': 'req-1' } }]);
  });
});
