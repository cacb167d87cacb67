/** `npm run send -- --live`: credentials from environment variables, fed as Adobe would feed them. */
import { describe, expect, it } from 'vitest';
import { liveRun } from '../../scripts/engine/liveProperty';
import { CORE_SECRET_MODULE } from '../../scripts/engine/property';
import { property, sendRule, PURCHASE_SETTINGS } from './support';

const base = property([sendRule('RL-live', PURCHASE_SETTINGS)]);

describe('liveRun', () => {
  it('names every missing variable and never prints a value', () => {
    expect(() => liveRun(base, { AMAZON_REGION: 'US', AMAZON_CLIENT_SECRET: 'fake-client-secret-0000' })).toThrow(
      '--live needs Amazon credentials in environment variables: AMAZON_CLIENT_ID is not set; AMAZON_ADVERTISER_ID is not set; set AMAZON_ACCESS_TOKEN, or AMAZON_REFRESH_TOKEN and AMAZON_CLIENT_SECRET; AMAZON_REGION must be one of NA, EU, FE.'
    );
  });

  it('configures the access token as a Core Secret data element fed through env', () => {
    const run = liveRun(base, {
      AMAZON_ACCESS_TOKEN: 'Atza|fake-live-token',
      AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.fake',
      AMAZON_ADVERTISER_ID: '42',
      AMAZON_REGION: 'EU',
      AMAZON_API: 'legacy'
    });

    expect(run.property.extensions['amazon-web-events-api']?.settings).toEqual({
      pixelCode: 'Default_Events',
      accessToken: '{{Amazon access token (live)}}',
      clientId: 'amzn1.application-oa2-client.fake',
      advertiserId: '42',
      region: 'EU',
      api: 'legacy'
    });
    expect(run.property.dataElements['Amazon access token (live)']?.modulePath).toBe(CORE_SECRET_MODULE);
    expect(run.env).toEqual({ 'SE-live-access-token': 'Atza|fake-live-token' });
    expect(run.property.rules).toBe(base.rules);
  });

  it('prefers the refresh token pair when both kinds are set, with NA and the Events API by default', () => {
    const run = liveRun(base, {
      AMAZON_ACCESS_TOKEN: 'Atza|fake-live-token',
      AMAZON_REFRESH_TOKEN: 'Atzr|fake-refresh',
      AMAZON_CLIENT_SECRET: 'fake-client-secret-0000',
      AMAZON_CLIENT_ID: 'amzn1.application-oa2-client.fake',
      AMAZON_ADVERTISER_ID: '42'
    });

    expect(run.property.extensions['amazon-web-events-api']?.settings).toMatchObject({
      refreshToken: '{{Amazon refresh token (live)}}',
      clientSecret: '{{Amazon client secret (live)}}',
      region: 'NA',
      api: 'events'
    });
    expect(run.property.extensions['amazon-web-events-api']?.settings).not.toHaveProperty('accessToken');
    expect(run.env).toEqual({ 'SE-live-refresh-token': 'Atzr|fake-refresh', 'SE-live-client-secret': 'fake-client-secret-0000' });
  });
});
