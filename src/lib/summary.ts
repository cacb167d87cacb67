/**
 * The action's result, which Adobe stores in `arc.ruleStash['amazon-web-events-api']` for later
 * actions of the rule. PII-free: match key types, never values; the request only as its log-safe copy.
 */
import type { RequestBody } from '../amazon/serialise';
import type { ApiName, MatchKeyType } from '../amazon/endpoints';
import { EXTENSION } from '../fields/registry';
import type { PreparedEvent } from './prepareEvent';
import type { EdgeArc } from './edgeContext';

export interface SendSummary {
  readonly status: 'sent' | 'dry-run';
  readonly api: ApiName;
  readonly eventId: string | null;
  /** Amazon's answer; null for a dry run. */
  readonly httpStatus: number | null;
  /** Requests made to Amazon; 0 for a dry run. */
  readonly attempts: number;
  readonly matchKeys: readonly MatchKeyType[];
  readonly warnings: readonly string[];
  /** Dry run only: the request body that would have been sent, hashed and masked. */
  readonly request?: RequestBody;
}

export type Delivery = { readonly httpStatus: number; readonly attempts: number } | 'dry-run';

/** The previous stash entry's own keys, so results of this extension's earlier actions are kept. */
function previousEntry(arc: EdgeArc): Record<string, unknown> {
  const entry = arc.ruleStash?.[EXTENSION.name];
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return {};
  // A request from an earlier dry run would describe another event.
  const { request: _earlierRequest, ...rest } = entry as Record<string, unknown>;
  return rest;
}

export function buildSummary(arc: EdgeArc, prepared: PreparedEvent, delivery: Delivery): Record<string, unknown> & SendSummary {
  const { event } = prepared;
  const common = {
    api: event.api,
    eventId: event.eventId ?? null,
    matchKeys: event.matchKeys.map((key) => key.type),
    warnings: [...prepared.warnings]
  };
  const summary: SendSummary =
    delivery === 'dry-run'
      ? { status: 'dry-run', ...common, httpStatus: null, attempts: 0, request: prepared.logSafeBody }
      : { status: 'sent', ...common, httpStatus: delivery.httpStatus, attempts: delivery.attempts };
  return { ...previousEntry(arc), ...summary };
}
