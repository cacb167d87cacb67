/**
 * Turns a property (settings as Tags stores them, with `{{data element}}` tokens) into the container
 * Adobe's engine runs, converted the way Adobe converts it: `@adobe/reactor-token-scripts-edge`
 * `sanitize`, then `@adobe/reactor-babel-plugin-replace-tokens-edge` through `@babel/core`, then
 * evaluated. So a value that is exactly one token keeps the data element's type and a mixed string
 * like "order-{{Order ID}}" is concatenated, as on Adobe's edge.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CORE_EXTENSION_NAME, secretIds, type BuildEnvironment, type PropertyDefinition } from './property';
import { ENGINE_VERSION, type ContainerInit } from './engine';

const requireFromHere = createRequire(import.meta.url);
const { sanitize } = requireFromHere('@adobe/reactor-token-scripts-edge') as { sanitize: (source: string) => string };
const { transformSync } = requireFromHere('@babel/core') as {
  transformSync: (code: string, options: { plugins: string[]; configFile: false; babelrc: false }) => { code: string } | null;
};
const TOKEN_PLUGIN_DIR = dirname(requireFromHere.resolve('@adobe/reactor-babel-plugin-replace-tokens-edge/package.json'));

export interface FeatureDescriptor {
  name: string;
  displayName: string;
  libPath: string;
  schema?: Record<string, unknown>;
}

/** The parts of an extension.json the engine needs, plus where the extension lives. */
export interface ExtensionDescriptor {
  name: string;
  displayName: string;
  root: string;
  configuration?: { schema?: Record<string, unknown> };
  actions?: FeatureDescriptor[];
  conditions?: FeatureDescriptor[];
  dataElements?: FeatureDescriptor[];
  sharedModules?: FeatureDescriptor[];
}

export interface ModuleDescriptor {
  modulePath: string;
  kind: 'actions' | 'conditions' | 'dataElements' | 'sharedModules';
  feature: FeatureDescriptor;
  extension: ExtensionDescriptor;
  file: string;
}

export function readExtensionDescriptor(extensionJsonPath: string): ExtensionDescriptor {
  const descriptor = JSON.parse(readFileSync(extensionJsonPath, 'utf8')) as Omit<ExtensionDescriptor, 'root'>;
  return { ...descriptor, root: dirname(extensionJsonPath) };
}

/** This repository's extension and Adobe's Core edge extension (Path and Secret data elements, conditions). */
export function loadExtensionDescriptors(extensionRoot: string): ExtensionDescriptor[] {
  return [
    readExtensionDescriptor(requireFromHere.resolve('@adobe/reactor-extension-core-edge/extension.json')),
    readExtensionDescriptor(join(extensionRoot, 'extension.json'))
  ];
}

export function moduleDescriptors(extensions: readonly ExtensionDescriptor[]): Map<string, ModuleDescriptor> {
  const modules = new Map<string, ModuleDescriptor>();
  for (const extension of extensions) {
    for (const kind of ['actions', 'conditions', 'dataElements', 'sharedModules'] as const) {
      for (const feature of extension[kind] ?? []) {
        const modulePath = `${extension.name}/${feature.libPath}`;
        modules.set(modulePath, { modulePath, kind, feature, extension, file: join(extension.root, feature.libPath) });
      }
    }
  }
  return modules;
}

export function buildInfo(environment: BuildEnvironment): Record<string, string> {
  return {
    turbineVersion: ENGINE_VERSION,
    turbineBuildDate: '2024-01-01T00:00:00Z',
    buildDate: new Date().toISOString(),
    environment
  };
}

/**
 * The container as Tags publishes it, before token conversion: extension settings under their
 * extension (with its displayName, which the babel plugin needs to find them), data elements and
 * rules with their `settings`. Modules and functions are added after conversion.
 */
export function tagsContainer(
  property: PropertyDefinition,
  extensions: readonly ExtensionDescriptor[],
  environment: BuildEnvironment
): Record<string, unknown> {
  const displayNames = new Map(extensions.map((extension) => [extension.name, extension.displayName]));
  const extensionEntries: Record<string, unknown> = { [CORE_EXTENSION_NAME]: { displayName: displayNames.get(CORE_EXTENSION_NAME) ?? 'Core' } };
  for (const [name, { settings }] of Object.entries(property.extensions)) {
    const displayName = displayNames.get(name);
    if (!displayName) throw new Error(`The property configures the extension "${name}", which is not installed.`);
    extensionEntries[name] = { displayName, settings };
  }
  const dataElements = Object.fromEntries(
    Object.entries(property.dataElements).map(([name, definition]) => [name, { name, ...definition }])
  );
  return { buildInfo: buildInfo(environment), extensions: extensionEntries, dataElements, rules: property.rules };
}

/** `sanitize` + babel token plugin + evaluation: the container init function Adobe's engine receives. */
export function compileContainer(container: Record<string, unknown>): ContainerInit {
  const source = `container = (getDataElementValues) => (${sanitize(JSON.stringify(container, null, 2))});`;
  const converted = transformSync(source, { plugins: [TOKEN_PLUGIN_DIR], configFile: false, babelrc: false });
  if (!converted) throw new Error('The token plugin produced no container code.');
  // The converted container is code by design (getSettings functions); it is generated here from
  // JSON, never from user-supplied JavaScript.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function(`let container;\n${converted.code}\nreturn container;`) as () => ContainerInit;
  return evaluate();
}

/** Regex source of each secret value, so the engine's `join('|')` masks `Atza|…` tokens whole. */
function escapeForRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Like Adobe's edge: every secret the property's Core Secret data elements reference is masked in
 * the rule logs (`*****` + last 4 characters).
 */
export function logSensitiveTokens(property: PropertyDefinition): (env: Record<string, string>) => string[] {
  const ids = secretIds(property);
  return (env) => ids.map((id) => env[id]).filter((value): value is string => Boolean(value)).map(escapeForRegExp);
}
