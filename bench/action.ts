/**
 * The built action as Adobe's edge calls it, with a `utils.fetch` that answers 207 at once: what
 * remains is the action's own work per event (settings, normalising, hashing, serialising, logging,
 * delivery bookkeeping and reading Amazon's answer).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEND_WEB_EVENT_LIB_PATH } from '../src/fields/manifest';
import type { ApiName } from '../src/amazon/endpoints';
import type { BenchEvent } from './events';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BUILT_ACTION_PATH = join(REPOSITORY_ROOT, SEND_WEB_EVENT_LIB_PATH);

export interface FetchCall {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

export type SendWebEvent = (context: { arc: unknown; utils: unknown }) => Promise<Record<string, unknown>>;

export function requireBuiltAction(): SendWebEvent {
  const action: unknown = createRequire(import.meta.url)(BUILT_ACTION_PATH);
  if (typeof action !== 'function') throw new Error(`${BUILT_ACTION_PATH} does not export the action function`);
  return action as SendWebEvent;
}

/** Amazon's answer accepting our one event, at the API's first index (DESIGN §2). */
export function acceptedAnswer(api: ApiName): string {
  return JSON.stringify({ success: [{ index: api === 'events' ? 0 : 1 }], error: [] });
}

/**
 * The least a fetch can do and still be read like a Response by the action: status, headers.get
 * and text(). A real `Response` would add undici's own cost to every sample.
 */
function answeringFetch(answer: string, calls: FetchCall[]): (url: string, init: FetchCall['init']) => Promise<unknown> {
  const response = { status: 207, headers: { get: (): null => null }, text: (): Promise<string> => Promise.resolve(answer) };
  return (url, init) => {
    calls[0] = { url, init };
    return Promise.resolve(response);
  };
}

const silentLogger = { log() {}, info() {}, debug() {}, warn() {}, error() {} };

export interface ActionRun {
  /** Sends the event once; resolves to the action's summary. */
  readonly send: () => Promise<Record<string, unknown>>;
  /** The last request the action handed to utils.fetch. */
  readonly lastCall: () => FetchCall;
}

export function actionRun(action: SendWebEvent, event: BenchEvent): ActionRun {
  const calls: FetchCall[] = [];
  const utils = {
    getSettings: () => event.actionSettings,
    getExtensionSettings: () => event.extensionSettings,
    fetch: answeringFetch(acceptedAnswer(event.api), calls),
    logger: silentLogger
  };
  const arc = { event: { xdm: event.xdm, data: {} }, ruleStash: {} };
  return {
    send: () => action({ arc, utils }),
    lastCall: () => {
      const call = calls[0];
      if (call === undefined) throw new Error(`the action did not call utils.fetch for the ${event.name} event`);
      return call;
    }
  };
}
