/**
 * `npm run send -- --live`: the same property, but configured with real Amazon credentials from
 * environment variables. Secrets become Core Secret data elements fed through `env`, exactly as
 * Adobe's edge would run them; their values are never printed (not even in errors).
 */
import { APIS, REGIONS } from '../../src/amazon/endpoints';
import { EXTENSION } from '../../src/fields/registry';
import { secretDataElement, type PropertyDefinition } from './property';

export const LIVE_VARIABLES = {
  accessToken: 'AMAZON_ACCESS_TOKEN',
  refreshToken: 'AMAZON_REFRESH_TOKEN',
  clientSecret: 'AMAZON_CLIENT_SECRET',
  clientId: 'AMAZON_CLIENT_ID',
  advertiserId: 'AMAZON_ADVERTISER_ID',
  region: 'AMAZON_REGION',
  api: 'AMAZON_API'
} as const;

const SECRET_DATA_ELEMENTS = {
  accessToken: { dataElement: 'Amazon access token (live)', secretId: 'SE-live-access-token' },
  refreshToken: { dataElement: 'Amazon refresh token (live)', secretId: 'SE-live-refresh-token' },
  clientSecret: { dataElement: 'Amazon client secret (live)', secretId: 'SE-live-client-secret' }
} as const;

export interface LiveRun {
  property: PropertyDefinition;
  env: Record<string, string>;
}

export function liveRun(property: PropertyDefinition, variables: Record<string, string | undefined>): LiveRun {
  const read = (name: string): string | undefined => {
    const value = variables[name]?.trim();
    return value === '' ? undefined : value;
  };
  const problems: string[] = [];
  for (const key of ['clientId', 'advertiserId'] as const) {
    if (!read(LIVE_VARIABLES[key])) problems.push(`${LIVE_VARIABLES[key]} is not set`);
  }
  const hasRefreshPair = Boolean(read(LIVE_VARIABLES.refreshToken) && read(LIVE_VARIABLES.clientSecret));
  if (!read(LIVE_VARIABLES.accessToken) && !hasRefreshPair) {
    problems.push(`set ${LIVE_VARIABLES.accessToken}, or ${LIVE_VARIABLES.refreshToken} and ${LIVE_VARIABLES.clientSecret}`);
  }
  const region = read(LIVE_VARIABLES.region) ?? 'NA';
  if (!(REGIONS as readonly string[]).includes(region)) problems.push(`${LIVE_VARIABLES.region} must be one of ${REGIONS.join(', ')}`);
  const api = read(LIVE_VARIABLES.api) ?? 'events';
  if (!(APIS as readonly string[]).includes(api)) problems.push(`${LIVE_VARIABLES.api} must be one of ${APIS.join(', ')}`);
  if (problems.length > 0) throw new Error(`--live needs Amazon credentials in environment variables: ${problems.join('; ')}.`);

  const secrets = (hasRefreshPair ? (['refreshToken', 'clientSecret'] as const) : (['accessToken'] as const)).filter((key) =>
    Boolean(read(LIVE_VARIABLES[key]))
  );
  const configured = property.extensions[EXTENSION.name]?.settings ?? {};
  const settings: Record<string, unknown> = {
    ...(configured.pixelCode === undefined ? {} : { pixelCode: configured.pixelCode }),
    clientId: read(LIVE_VARIABLES.clientId),
    advertiserId: read(LIVE_VARIABLES.advertiserId),
    region,
    api
  };
  const dataElements = { ...property.dataElements };
  const env: Record<string, string> = {};
  for (const key of secrets) {
    const { dataElement, secretId } = SECRET_DATA_ELEMENTS[key];
    dataElements[dataElement] = secretDataElement(secretId, dataElement);
    settings[key] = `{{${dataElement}}}`;
    env[secretId] = read(LIVE_VARIABLES[key]) as string;
  }
  return { property: { ...property, extensions: { ...property.extensions, [EXTENSION.name]: { settings } }, dataElements }, env };
}
