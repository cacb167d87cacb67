/**
 * A fresh instance of Adobe's edge rule engine, `@adobe/reactor-turbine-edge`, per call.
 *
 * The engine keeps its registry (modules, extensions, data elements) in module-level variables, so
 * every harness gets its own copy, evaluated from the package's own built file. Its 30 s module
 * timeout timers are never cleared; they get an unref'd `setTimeout` scoped to the engine alone, so
 * a finished run does not keep Node alive for 30 s and the library's own timers stay untouched.
 *
 * Call shapes: npm 3.x takes `fetch` in `initialize(containerInit, { fetch })`; 4.x (GitHub) takes it
 * per call in `executeRules(data, env, { headersForSubrequests, fetch })`. Passing both works with
 * either.
 */
import { createRequire } from 'node:module';
import { createCommonJsLoader } from './commonJs';

export type RuleStatus = 'success' | 'failed' | 'condition_not_met';
export type LogLevel = 'log' | 'info' | 'debug' | 'warn' | 'error';

/** One entry of a rule's logs: what Adobe's Edge trace (and the sandbox response) shows. */
export interface TraceEntry {
  name: string;
  timestampMs: number;
  attributes: { logLevel: LogLevel };
  /** First message is the engine's rocket prefix; non-strings were JSON-stringified (and masked). */
  messages: string[];
  context: { ruleId: string };
}

export interface EngineRuleResult {
  ruleId: string;
  status: RuleStatus;
  logs: TraceEntry[];
}

export type EngineFetch = (resource: string | Request, init?: RequestInit) => Promise<Response>;

/** What `containerInit` returns; see adobe-edge-platform.md §2.2. Functions come from the babel step. */
export type Container = Record<string, unknown>;
export type GetDataElementValues = (names: string[], context: unknown) => Promise<(name: string) => unknown>;
export type ContainerInit = (getDataElementValues: GetDataElementValues) => Container;

export interface RequestData {
  event: { xdm: unknown; data: unknown };
  request: unknown;
}

export type ExecuteRules = (
  requestData: RequestData,
  env: Record<string, string>,
  options: { headersForSubrequests: Record<string, string> }
) => Promise<EngineRuleResult[]>;

interface TurbineEdge {
  initialize(containerInit: ContainerInit, options?: { fetch: EngineFetch }): RawExecuteRules;
}
type RawExecuteRules = (
  requestData: RequestData,
  env: Record<string, string>,
  options: { headersForSubrequests: Record<string, string>; fetch: EngineFetch }
) => Promise<EngineRuleResult[]>;

const requireFromHere = createRequire(import.meta.url);
export const ENGINE_FILE = requireFromHere.resolve('@adobe/reactor-turbine-edge');
export const ENGINE_VERSION = (requireFromHere('@adobe/reactor-turbine-edge/package.json') as { version: string }).version;

function unrefSetTimeout(handler: () => void, delay?: number): ReturnType<typeof setTimeout> {
  const timer = setTimeout(handler, delay);
  timer.unref();
  return timer;
}

/**
 * Initialises a new engine with the container; the returned function runs the rules for one event.
 * `engineFile` is a CommonJS build of turbine-edge (the installed one by default).
 */
export function startEngine(containerInit: ContainerInit, fetch: EngineFetch, engineFile: string = ENGINE_FILE): ExecuteRules {
  const load = createCommonJsLoader({ setTimeout: unrefSetTimeout });
  const engine = load(engineFile) as TurbineEdge;
  const executeRules = engine.initialize(containerInit, { fetch });
  return (requestData, env, { headersForSubrequests }) => executeRules(requestData, env, { headersForSubrequests, fetch });
}
