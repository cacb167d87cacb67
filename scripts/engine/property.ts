/**
 * An event-forwarding property as Adobe Tags stores it: extension configuration, data elements and
 * rules, with settings holding `{{data element}}` tokens exactly as the views save them. The engine
 * harness and the sandbox container writer both start from this shape; bundled ones live in
 * examples/properties/.
 */
import { SEND_WEB_EVENT_LIB_PATH } from '../../src/fields/manifest';
import { EXTENSION } from '../../src/fields/registry';

export interface DataElementDefinition {
  /** `<extension name>/<libPath>`, e.g. `core/src/lib/dataElements/path.js`. */
  modulePath: string;
  settings?: Record<string, unknown>;
  defaultValue?: unknown;
  cleanText?: boolean;
  forceLowerCase?: boolean;
}

export interface RuleComponent {
  modulePath: string;
  settings?: Record<string, unknown>;
  /** Conditions only: invert the result. */
  negate?: boolean;
}

export interface RuleDefinition {
  id: string;
  name: string;
  conditions?: RuleComponent[];
  actions: RuleComponent[];
}

export interface PropertyDefinition {
  /** Extension configuration settings by extension name. */
  extensions: Record<string, { settings: Record<string, unknown> }>;
  dataElements: Record<string, DataElementDefinition>;
  rules: RuleDefinition[];
}

export const BUILD_ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type BuildEnvironment = (typeof BUILD_ENVIRONMENTS)[number];

export const CORE_EXTENSION_NAME = 'core';
export const CORE_PATH_MODULE = 'core/src/lib/dataElements/path.js';
export const CORE_SECRET_MODULE = 'core/src/lib/dataElements/secret.js';
export const CORE_VALUE_COMPARISON_MODULE = 'core/src/lib/conditions/valueComparison.js';
export const SEND_WEB_EVENT_MODULE = `${EXTENSION.name}/${SEND_WEB_EVENT_LIB_PATH}`;

/** Core "Path" data element: a dotted path into `arc` (e.g. `arc.event.xdm.commerce.order.priceTotal`). */
export function pathDataElement(path: string, options: Omit<DataElementDefinition, 'modulePath' | 'settings'> = {}): DataElementDefinition {
  return { modulePath: CORE_PATH_MODULE, settings: { path }, ...options };
}

/**
 * Core "Secret" data element. Adobe keeps one secret per build environment and injects its value
 * into `env` under the secret id; the same id is used for every environment here.
 */
export function secretDataElement(secretId: string, secretName: string): DataElementDefinition {
  const secret = { id: secretId, name: secretName };
  return {
    modulePath: CORE_SECRET_MODULE,
    settings: { secrets: Object.fromEntries(BUILD_ENVIRONMENTS.map((environment) => [environment, secret])) }
  };
}

/** Secret ids referenced by the property's Core Secret data elements. */
export function secretIds(property: PropertyDefinition): string[] {
  const ids = new Set<string>();
  for (const dataElement of Object.values(property.dataElements)) {
    if (dataElement.modulePath !== CORE_SECRET_MODULE) continue;
    const secrets = (dataElement.settings?.secrets ?? {}) as Record<string, { id?: unknown }>;
    for (const { id } of Object.values(secrets)) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
