/**
 * The settings the views save in Chromium (test/browser/savedSettings.ts) run through the built
 * action in Adobe's engine as they are: what a user can save is what the action accepts and sends.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAmazonStandIn, type AmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness } from '../../scripts/engine/harness';
import { secretDataElement, SEND_WEB_EVENT_MODULE, type PropertyDefinition } from '../../scripts/engine/property';
import { standInRouter } from '../../scripts/engine/routing';
import { PICKED_TOKEN } from '../browser/harness';
import { ACTION_VIEW_SAVED_SETTINGS, CONFIGURATION_VIEW_SAVED_SETTINGS } from '../browser/savedSettings';
import { DATA_ELEMENTS, purchaseRequest, recentEventTime } from './support';

const PICKED_SECRET_ID = 'SE-picked-element';
/** The fake secret "Some Element" holds when the configuration view picked it for a credential. */
const PICKED_SECRET = 'Atza|fake-picked-secret';

/**
 * The action view's test picks the same data element ("Some Element") for Event Time, Contents and
 * Dry run; in a real property each pick names its own data element, so each is renamed here.
 */
const actionSettings = {
  ...ACTION_VIEW_SAVED_SETTINGS,
  event: { ...ACTION_VIEW_SAVED_SETTINGS.event, time: '{{Event time}}' },
  properties: { ...ACTION_VIEW_SAVED_SETTINGS.properties, contents: '{{Cart}}' },
  dryRun: '{{Dry run}}'
};

let standIn: AmazonStandIn;
beforeAll(async () => {
  standIn = await startAmazonStandIn();
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

describe('settings saved by the views, run through the action unchanged', () => {
  it('keeps the action view\'s output apart from the renamed picks', () => {
    const { event, properties, dryRun, ...rest } = ACTION_VIEW_SAVED_SETTINGS;
    expect([event.time, properties.contents, dryRun]).toEqual([PICKED_TOKEN, PICKED_TOKEN, PICKED_TOKEN]);
    expect(actionSettings).toMatchObject(rest);
  });

  it.each([
    { name: 'fixed access token, EU, legacy API', configuration: CONFIGURATION_VIEW_SAVED_SETTINGS.accessToken, host: 'advertising-api-eu.amazon.com', tokenRequests: 0 },
    { name: 'token renewal, NA, Events API', configuration: CONFIGURATION_VIEW_SAVED_SETTINGS.tokenRenewal, host: 'advertising-api.amazon.com', tokenRequests: 1 }
  ])('$name: the rule succeeds and Amazon accepts the event', async ({ configuration, host, tokenRequests }) => {
    const definition: PropertyDefinition = {
      extensions: { 'amazon-web-events-api': { settings: { ...configuration } } },
      dataElements: { ...DATA_ELEMENTS, 'Some Element': secretDataElement(PICKED_SECRET_ID, 'Some Element') },
      rules: [{ id: 'RL-view-settings', name: 'Saved by the views', actions: [{ modulePath: SEND_WEB_EVENT_MODULE, settings: actionSettings }] }]
    };
    const harness = createEngineHarness({
      property: definition,
      env: { [PICKED_SECRET_ID]: PICKED_SECRET },
      fetch: standIn.fetch,
      globalFetch: standInRouter(standIn.url)
    });

    const runs = await harness.execute(purchaseRequest(recentEventTime(), { dryRun: false }));

    expect(runs.map(({ status }) => status)).toEqual(['success']);
    expect(standIn.tokenRequests).toHaveLength(tokenRequests);
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.requests[0]).toMatchObject({ host, api: configuration.api, status: 207 });
    expect(runs[0]?.ruleStash['amazon-web-events-api']).toMatchObject({
      status: 'sent',
      eventId: 'order-1001',
      matchKeys: ['EMAIL', 'PHONE', 'FIRST_NAME', 'LAST_NAME', 'ADDRESS', 'CITY', 'STATE', 'POSTAL', 'MAID', 'RAMP_ID', 'MATCH_ID'],
      warnings: []
    });
  });
});
