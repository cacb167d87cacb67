/** Properties and runs shared by the reliability tests: the built action through Adobe's engine. */
import { Agent, fetch as undiciFetch } from 'undici';
import type { AmazonStandIn } from '../../scripts/amazon-stand-in';
import { routeToStandIn } from '../../scripts/amazon-stand-in/route';
import type { EngineFetch } from '../../scripts/engine/engine';
import { createEngineHarness, type EngineHarness } from '../../scripts/engine/harness';
import { secretDataElement, type PropertyDefinition } from '../../scripts/engine/property';
import { standInRouter } from '../../scripts/engine/routing';
import { ACCESS_TOKEN_SECRET_ID, property, PURCHASE_SETTINGS, sendRule } from '../engine/support';
import { FAKE_ACCESS_TOKEN, FAKE_CLIENT_SECRET, FAKE_REFRESH_TOKEN } from '../support/sensitiveValues';

export type Api = 'events' | 'legacy';
/** `static`: a configured access token only. `renewing`: refresh token and client secret, no access token. */
export type Credentials = 'static' | 'renewing';

const REFRESH_SECRET_ID = 'SE-refresh-token';
const CLIENT_SECRET_ID = 'SE-client-secret';

export function purchaseProperty(api: Api, credentials: Credentials, ruleId = 'RL-purchase'): PropertyDefinition {
  const rules = [sendRule(ruleId, PURCHASE_SETTINGS)];
  if (credentials === 'static') return property(rules, { api });
  const definition = property(rules, {
    api,
    refreshToken: '{{Amazon refresh token}}',
    clientSecret: '{{Amazon client secret}}'
  });
  delete definition.extensions['amazon-web-events-api']?.settings.accessToken;
  definition.dataElements = {
    ...definition.dataElements,
    'Amazon refresh token': secretDataElement(REFRESH_SECRET_ID, 'Amazon refresh token'),
    'Amazon client secret': secretDataElement(CLIENT_SECRET_ID, 'Amazon client secret')
  };
  return definition;
}

export function secretsFor(credentials: Credentials): Record<string, string> {
  return credentials === 'static'
    ? { [ACCESS_TOKEN_SECRET_ID]: FAKE_ACCESS_TOKEN }
    : { [REFRESH_SECRET_ID]: FAKE_REFRESH_TOKEN, [CLIENT_SECRET_ID]: FAKE_CLIENT_SECRET };
}

/**
 * `utils.fetch` to the stand-in over a pool of `connections` keep-alive sockets, as an HTTP client
 * in production pools them: a thousand requests in flight need not be a thousand sockets (which
 * would overflow the stand-in's accept queue on one machine and come back as connection resets).
 */
export function pooledStandInFetch(standIn: AmazonStandIn, connections: number): { fetch: EngineFetch; close: () => Promise<void> } {
  const agent = new Agent({ connections });
  const fetch: EngineFetch = async (resource, init = {}) => {
    const url = typeof resource === 'string' ? resource : resource.url;
    const routed = routeToStandIn(url, standIn.url);
    if (routed === undefined) throw new TypeError(`Only Amazon hosts are reachable in tests; refusing ${new URL(url).origin}`);
    const response = await undiciFetch(routed, {
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? init.body : null,
      signal: init.signal ?? null,
      dispatcher: agent
    });
    return response as unknown as Response;
  };
  return { fetch, close: () => agent.close() };
}

/** A fresh engine with a fresh copy of the built action (so an empty token cache) against the stand-in. */
export function purchaseHarness(standIn: AmazonStandIn, api: Api, credentials: Credentials): EngineHarness {
  return createEngineHarness({
    property: purchaseProperty(api, credentials),
    env: secretsFor(credentials),
    fetch: standIn.fetch,
    globalFetch: standInRouter(standIn.url)
  });
}
