/**
 * Action "Send Amazon Web Events API Event". Adobe's edge calls it once per matching event with the
 * resolved settings; it validates and builds the request (pure), logs what a user debugging in the
 * Edge trace needs, then either stops (dry run) or hands the request to delivery. Its result is the
 * PII-free summary Adobe stores in the rule stash.
 */
import { deliverEvent } from '../../amazon/transport/deliver';
import type { FetchInit } from '../../amazon/transport/types';
import { readOwnPath } from '../../event/xdm';
import type { EdgeModuleContext } from '../edgeContext';
import { logPreparedEvent } from '../logPreparedEvent';
import { prepareEvent } from '../prepareEvent';
import { buildSummary, type SendSummary } from '../summary';

export default async function sendWebEvent({ arc, utils }: EdgeModuleContext): Promise<Record<string, unknown> & SendSummary> {
  const prepared = await prepareEvent(
    utils.getExtensionSettings(),
    utils.getSettings(),
    readOwnPath(arc, ['event', 'xdm']),
    Date.now()
  );
  logPreparedEvent(utils.logger, prepared);

  if (prepared.settings.action.dryRun) {
    utils.logger.info('Dry run: the request was built and validated but not sent to Amazon.');
    return buildSummary(arc, prepared, 'dry-run');
  }

  const result = await deliverEvent(prepared.request, {
    fetch: utils.fetch,
    // Read at call time: local runs route the global fetch to the Amazon stand-in after loading us.
    tokenFetch: (url: string, init: FetchInit) => globalThis.fetch(url, init),
    logger: utils.logger
  });
  return buildSummary(arc, prepared, result);
}
