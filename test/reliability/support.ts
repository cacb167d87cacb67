/** Properties and runs shared by the reliability tests: the built action through Adobe's engine. */
import type { AmazonStandIn } from '../../scripts/amazon-stand-in';
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

/** A fresh engine with a fresh copy of the built action (so an empty token cache) against the stand-in. */
export function purchaseHarness(standIn: AmazonStandIn, api: Api, credentials: Credentials): EngineHarness {
  return createEngineHarness({
    property: purchaseProperty(api, credentials),
    env: secretsFor(credentials),
    fetch: standIn.fetch,
    globalFetch: standInRouter(standIn.url)
  });
}
