/**
 * Loaded into the sandbox process before Adobe's `@adobe/reactor-sandbox` run task (development
 * only; nothing here ships in the extension):
 *
 * - Every listen without a host binds 127.0.0.1: the sandbox hard-codes ports 3000/4000 on all
 *   interfaces.
 * - Outgoing calls reach only the Amazon stand-in: the sandbox's `utils.fetch` is node-fetch
 *   (http/https under the hood) and the library's Login with Amazon calls use the global fetch; both
 *   are routed by Amazon host (scripts/amazon-stand-in/route.ts) and refuse any other host, so the
 *   sandbox never calls out, with or without a network.
 * - Secrets reach the engine as `env`, as on Adobe's edge. The sandbox passes
 *   `{ isDebugEnabled, headersForSubrequests }` where the engine expects `env` and drops the
 *   sub-request headers; the engine's `executeRules` is wrapped to pass the secrets as `env` and the
 *   headers where they belong.
 *
 * Configuration comes from the parent (scripts/start.ts) in environment variables:
 * AMAZON_STAND_IN_URL and SANDBOX_SECRETS (JSON: secret id → value).
 */
import { createRequire } from 'node:module';
import net from 'node:net';
import { routeToStandIn } from '../amazon-stand-in/route';
import { standInRouter } from '../engine/routing';

const standInUrl = process.env.AMAZON_STAND_IN_URL;
if (!standInUrl) throw new Error('AMAZON_STAND_IN_URL is not set; start the sandbox with npm start.');
const secrets = JSON.parse(process.env.SANDBOX_SECRETS ?? '{}') as Record<string, string>;

// 1. Loopback only.
type Listen = (this: net.Server, ...args: unknown[]) => net.Server;
// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with the server as `this`
const listen = net.Server.prototype.listen as Listen;
net.Server.prototype.listen = function listenOnLoopback(this: net.Server, ...args: unknown[]): net.Server {
  const [first] = args;
  if (typeof first === 'number') {
    return listen.call(this, { port: first, host: '127.0.0.1' }, ...args.filter((arg) => typeof arg === 'function'));
  }
  if (typeof first === 'object' && first !== null && !('host' in first) && !('path' in first)) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
} as typeof net.Server.prototype.listen;

// 2. Outgoing calls: the library's global fetch, and the sandbox's node-fetch.
globalThis.fetch = standInRouter(standInUrl);

const sandboxRequire = createRequire(createRequire(import.meta.url).resolve('@adobe/reactor-sandbox/package.json'));
type NodeFetch = ((url: unknown, init?: unknown) => Promise<unknown>) & Record<string, unknown>;
const nodeFetchPath = sandboxRequire.resolve('node-fetch');
const nodeFetch = sandboxRequire('node-fetch') as NodeFetch;
const routedNodeFetch = Object.assign((resource: unknown, init?: unknown): Promise<unknown> => {
  const url = typeof resource === 'string' ? resource : String((resource as { url?: unknown }).url ?? resource);
  const routed = routeToStandIn(url, standInUrl);
  if (routed === undefined) {
    return Promise.reject(new TypeError(`The local sandbox only reaches Amazon's hosts (through the stand-in); refusing ${new URL(url).origin}`));
  }
  return nodeFetch(routed, init);
}, nodeFetch);
const cached = sandboxRequire.cache[nodeFetchPath];
if (!cached) throw new Error('node-fetch did not load from the sandbox package.');
cached.exports = routedNodeFetch;

// 3. Secrets as env, sub-request headers as options.
type ExecuteRules = (data: unknown, env: Record<string, unknown>, options?: { headersForSubrequests?: unknown }) => Promise<unknown>;
const engine = sandboxRequire('@adobe/reactor-turbine-edge/src/index') as { initialize: (...args: unknown[]) => ExecuteRules };
const initialize = engine.initialize;
engine.initialize = (...args: unknown[]): ExecuteRules => {
  const executeRules = initialize(...args);
  return (data, sandboxEnv = {}, options) => {
    const { headersForSubrequests, isDebugEnabled: _debug, ...env } = sandboxEnv;
    return executeRules(data, { ...env, ...secrets }, options ?? { headersForSubrequests });
  };
};
