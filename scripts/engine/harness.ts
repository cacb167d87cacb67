/**
 * Runs this extension the way Adobe's edge runs it: the real engine (`@adobe/reactor-turbine-edge`),
 * a container built from a property whose settings hold `{{data element}}` tokens, Adobe's token
 * conversion, Core's real Path and Secret data elements, secrets passed as `env`, and the built
 * library module loaded fresh with only relative requires allowed.
 *
 * `fetch` becomes `utils.fetch` (Amazon calls); `globalFetch`, when given, is installed on
 * `globalThis.fetch` while a run is in flight (the library's token calls read it at call time).
 */
import { fileURLToPath } from 'node:url';
import { createCommonJsLoader } from './commonJs';
import {
  compileContainer,
  loadExtensionDescriptors,
  logSensitiveTokens,
  moduleDescriptors,
  tagsContainer,
  type ModuleDescriptor
} from './container';
import { startEngine, type EngineFetch, type RequestData, type RuleStatus, type TraceEntry } from './engine';
import { withGlobalFetch } from './globalFetch';
import type { BuildEnvironment, PropertyDefinition } from './property';
import { reportHarnessRun } from './runObservers';
import { ruleStashFromLogs, type ActionModuleName } from './traces';
import { validatePropertySettings } from './validateSettings';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The body of the sandbox's `POST /process-edge-request`, the format of examples/*.json. */
export interface EdgeRequest {
  header?: {
    httpHeaders?: Record<string, string | string[]>;
    receivedAt?: string | number;
    dispatchedAt?: string | number;
  };
  body: { xdm?: unknown; data?: unknown };
}

export interface RuleRun {
  ruleId: string;
  ruleName: string;
  status: RuleStatus;
  logs: TraceEntry[];
  /** `arc.ruleStash` after the rule's actions (each extension's last action result), as the trace
   *  shows it: read from the logs, so secret values in it are masked like every trace line. */
  ruleStash: Record<string, unknown>;
}

export interface HarnessOptions {
  property: PropertyDefinition;
  /** `utils.fetch`: where the library's Amazon calls go. */
  fetch: EngineFetch;
  /** Installed as `globalThis.fetch` during each run; omit to leave the global fetch alone. */
  globalFetch?: typeof fetch;
  /** Secret values by secret id, as Adobe's edge passes them. */
  env?: Record<string, string>;
  environment?: BuildEnvironment;
  /** Directory holding the extension.json to run; defaults to this repository. */
  extensionRoot?: string;
}

export interface EngineHarness {
  execute(request: EdgeRequest): Promise<RuleRun[]>;
}

/** Headers Adobe's edge forwards on every sub-request, as the sandbox derives them from the request. */
const FORWARDED_HEADERS = ['x-organization-id', 'x-stack-id', 'x-property-id', 'x-environment-id', 'x-request-id'];

export function headersForSubrequests(header: EdgeRequest['header'] = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  const httpHeaders = header.httpHeaders ?? {};
  for (const name of FORWARDED_HEADERS) {
    const value = httpHeaders[name];
    if (value) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  for (const [name, value] of [
    ['x-konductor-received-at', header.receivedAt],
    ['x-konductor-dispatched-at', header.dispatchedAt]
  ] as const) {
    if (value !== undefined && !Number.isNaN(new Date(value).getTime())) headers[name] = new Date(value).toISOString();
  }
  return headers;
}

/** `arc` as the sandbox builds it: the event's XDM and data, and the whole request. */
export function requestData(request: EdgeRequest): RequestData {
  return { event: { xdm: request.body.xdm ?? {}, data: request.body.data ?? {} }, request };
}

function modulePathsOf(property: PropertyDefinition): Set<string> {
  return new Set([
    ...Object.values(property.dataElements).map((dataElement) => dataElement.modulePath),
    ...property.rules.flatMap((rule) => [...(rule.conditions ?? []), ...rule.actions].map((component) => component.modulePath))
  ]);
}

/** Rebuilds a rule's stash from its logs (see ./traces.ts), for harness runs and sandbox answers alike. */
export function ruleStashReader(
  property: PropertyDefinition,
  modules: ReadonlyMap<string, ModuleDescriptor>
): (ruleId: string, logs: readonly TraceEntry[]) => Record<string, unknown> {
  return (ruleId, logs) => {
    const actions: ActionModuleName[] = (property.rules.find((rule) => rule.id === ruleId)?.actions ?? []).flatMap(({ modulePath }) => {
      const module = modules.get(modulePath);
      return module
        ? [{ displayName: module.feature.displayName, extensionName: module.extension.name, extensionDisplayName: module.extension.displayName }]
        : [];
    });
    return ruleStashFromLogs(logs, actions);
  };
}

export function createEngineHarness(options: HarnessOptions): EngineHarness {
  const { property, env = {}, environment = 'development' } = options;
  const extensions = loadExtensionDescriptors(options.extensionRoot ?? REPOSITORY_ROOT);
  const modules = moduleDescriptors(extensions);
  validatePropertySettings(property, extensions, modules);

  // Every module the property uses is loaded up front (fresh, relative requires only), so a
  // missing build or a forbidden require is reported here instead of as a silent failed rule.
  const load = createCommonJsLoader();
  const scripts = new Map<string, unknown>();
  for (const modulePath of modulePathsOf(property)) {
    const module = modules.get(modulePath);
    if (!module) continue; // validatePropertySettings has reported it
    try {
      scripts.set(modulePath, load(module.file));
    } catch (error) {
      throw new Error(`Cannot load the module "${modulePath}" from ${module.file}: ${(error as Error).message}`);
    }
  }
  const moduleEntries = Object.fromEntries(
    [...modules.values()]
      .filter((module) => scripts.has(module.modulePath))
      .map((module: ModuleDescriptor) => [
        module.modulePath,
        {
          displayName: module.feature.displayName,
          name: module.feature.name,
          extensionName: module.extension.name,
          script: scripts.get(module.modulePath)
        }
      ])
  );
  const compiled = compileContainer(tagsContainer(property, extensions, environment));
  const executeRules = startEngine(
    (getDataElementValues) => ({
      ...compiled(getDataElementValues),
      modules: moduleEntries,
      getLogSensitiveTokens: logSensitiveTokens(property)
    }),
    options.fetch
  );
  const readRuleStash = ruleStashReader(property, modules);

  const run = async (request: EdgeRequest): Promise<RuleRun[]> => {
    const results = await executeRules(requestData(request), env, { headersForSubrequests: headersForSubrequests(request.header) });
    return results.map((result) => ({
      ...result,
      ruleName: property.rules.find((rule) => rule.id === result.ruleId)?.name ?? result.ruleId,
      ruleStash: readRuleStash(result.ruleId, result.logs)
    }));
  };

  const runObserved = async (request: EdgeRequest): Promise<RuleRun[]> => {
    try {
      const runs = await run(request);
      reportHarnessRun({ property, env, request, outcome: { runs } });
      return runs;
    } catch (error) {
      reportHarnessRun({ property, env, request, outcome: { error } });
      throw error;
    }
  };

  return {
    execute: (request) => (options.globalFetch ? withGlobalFetch(options.globalFetch, () => runObserved(request)) : runObserved(request))
  };
}
