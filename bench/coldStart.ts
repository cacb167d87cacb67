/**
 * Cold start: from loading the built module into a fresh V8 context (web globals only, as Adobe's
 * edge gives it) to the moment the first event's request reaches `utils.fetch`. Each trial appends
 * a unique comment to the source so V8 cannot reuse code compiled in an earlier trial.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vm from 'node:vm';
import { acceptedAnswer, BUILT_ACTION_PATH, type SendWebEvent } from './action';
import type { BenchEvent } from './events';
import { percentile } from './measure';
import { webOnlyGlobals } from '../test/support/webOnlyGlobals';

export interface ColdStartResult {
  readonly trials: number;
  /** Compiling and evaluating the module (schemas built at load included), median ms. */
  readonly loadMs: number;
  /** From the start of loading to the first request handed to utils.fetch, median ms. */
  readonly firstEventMs: number;
  /** The same for the first trial of the process: nothing of the module compiled or warmed yet. */
  readonly firstTrialFirstEventMs: number;
}

function webOnlyContext(): vm.Context {
  return vm.createContext(
    webOnlyGlobals(() => Promise.reject(new Error('the global fetch is not used without a refresh token')))
  );
}

async function trial(source: string, nonce: number, event: BenchEvent): Promise<{ loadMs: number; firstEventMs: number }> {
  const context = webOnlyContext();
  const answer = acceptedAnswer(event.api);
  let sentAt: number | undefined;
  const fetch = (): Promise<unknown> => {
    sentAt ??= performance.now();
    return Promise.resolve({ status: 207, headers: { get: (): null => null }, text: () => Promise.resolve(answer) });
  };
  const logger = { log() {}, info() {}, debug() {}, warn() {}, error() {} };

  const start = performance.now();
  const wrapper = vm.runInContext(`(function (module, exports, require) {${source}\n})\n//# trial ${nonce}`, context) as (
    module: { exports: unknown },
    exports: unknown,
    require: (specifier: string) => never
  ) => void;
  const module = { exports: {} as unknown };
  wrapper(module, module.exports, (specifier) => {
    throw new Error(`the built action must be self-contained, but it requires ${specifier}`);
  });
  const action = module.exports as SendWebEvent;
  const loaded = performance.now();
  await action({
    arc: { event: { xdm: event.xdm, data: {} }, ruleStash: {} },
    utils: { getSettings: () => event.actionSettings, getExtensionSettings: () => event.extensionSettings, fetch, logger }
  });
  if (sentAt === undefined) throw new Error('the cold-started action did not send its event');
  return { loadMs: loaded - start, firstEventMs: sentAt - start };
}

export async function measureColdStart(event: BenchEvent, trials: number): Promise<ColdStartResult> {
  const source = readFileSync(BUILT_ACTION_PATH, 'utf8');
  const results: Array<{ loadMs: number; firstEventMs: number }> = [];
  for (let i = 0; i < trials; i += 1) results.push(await trial(source, i, event));
  const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 0.5);
  return {
    trials,
    loadMs: median(results.map((result) => result.loadMs)),
    firstEventMs: median(results.map((result) => result.firstEventMs)),
    firstTrialFirstEventMs: results[0]?.firstEventMs ?? Number.NaN
  };
}
