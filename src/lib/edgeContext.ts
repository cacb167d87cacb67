/** What Adobe's edge engine (turbine-edge) passes a library module, as far as this extension uses it. */
import type { FetchLike, Logger } from '../amazon/transport/types';

export interface EdgeArc {
  /** `{ xdm, data }` on Adobe's edge; may be partial in the sandbox. */
  readonly event?: unknown;
  /** Earlier actions' results in this rule, keyed by extension name. */
  readonly ruleStash?: Readonly<Record<string, unknown>>;
}

export interface EdgeUtils {
  /** The action's settings, data element tokens already resolved (synchronous). */
  getSettings(): unknown;
  /** The extension configuration, tokens resolved (synchronous). */
  getExtensionSettings(): unknown;
  /** Adobe's fetch wrapper: requests made with it appear in the Edge trace. */
  readonly fetch: FetchLike;
  readonly logger: Logger;
}

export interface EdgeModuleContext {
  readonly arc: EdgeArc;
  readonly utils: EdgeUtils;
}
