/**
 * The bundled example events (examples/*.json, each a sandbox `/process-edge-request` body) and the
 * property each runs against, plus reading property and event files.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { EdgeRequest } from './harness';
import { REPOSITORY_ROOT } from './harness';
import type { PropertyDefinition } from './property';

/** A property file: the property as Tags stores it, plus the secret values Adobe injects as `env`. */
export interface PropertyFile extends PropertyDefinition {
  description?: string;
  /** Secret values by secret id for the development environment (local runs only; fake in examples). */
  env?: Record<string, string>;
}

export interface BundledExample {
  /** Repository-relative path of the event. */
  file: string;
  title: string;
  /** Repository-relative path of the property it runs against. */
  property: string;
}

export const NORTH_AMERICA_PROPERTY = 'examples/properties/north-america.json';
export const EUROPE_PROPERTY = 'examples/properties/europe.json';

export const BUNDLED_EXAMPLES: readonly BundledExample[] = [
  { file: 'examples/purchase.json', title: 'Purchase (US, 2 items, email + phone + name)', property: NORTH_AMERICA_PROPERTY },
  { file: 'examples/add-to-cart.json', title: 'Add to cart (US, email only)', property: NORTH_AMERICA_PROPERTY },
  { file: 'examples/lead.json', title: 'Lead (US, phone + customer id)', property: NORTH_AMERICA_PROPERTY },
  { file: 'examples/eu-purchase-with-consent.json', title: 'Purchase in Germany with Amazon consent and TCF (EU region)', property: EUROPE_PROPERTY },
  { file: 'examples/rejected-stale-order.json', title: 'Rejected: an order from January 2025, older than Amazon accepts', property: NORTH_AMERICA_PROPERTY }
];

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${file}: ${(error as Error).message}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function readPropertyFile(file: string): PropertyFile {
  const property = readJson(file, 'property file');
  if (!isRecord(property) || !isRecord(property.extensions) || !isRecord(property.dataElements) || !Array.isArray(property.rules)) {
    throw new Error(`${file} is not a property file: it needs "extensions", "dataElements" and "rules" (see examples/properties/).`);
  }
  return property as unknown as PropertyFile;
}

export function readEdgeRequest(file: string): EdgeRequest {
  const request = readJson(file, 'event file');
  if (!isRecord(request) || !isRecord(request.body)) {
    throw new Error(`${file} is not an event: it needs {"header": {…}, "body": {"xdm": {…}, "data": {…}}} like examples/purchase.json.`);
  }
  return request as unknown as EdgeRequest;
}

/** The property a bundled example runs against; other events use the North America property. */
export function defaultPropertyFor(eventFile: string): string {
  const relativePath = relative(REPOSITORY_ROOT, resolve(eventFile)).split('\\').join('/');
  return join(REPOSITORY_ROOT, BUNDLED_EXAMPLES.find((example) => example.file === relativePath)?.property ?? NORTH_AMERICA_PROPERTY);
}

export function repositoryPath(file: string): string {
  return isAbsolute(file) ? file : join(REPOSITORY_ROOT, file);
}

/**
 * Adobe's Web SDK stamps `xdm.timestamp` on every event it sends; the bundled examples leave it
 * out so they never go stale, and local runs stamp it the same way. An explicit timestamp (the
 * rejected example's) is kept.
 */
export function withEventTimestamp(request: EdgeRequest, now: Date = new Date()): EdgeRequest {
  const xdm = isRecord(request.body.xdm) ? request.body.xdm : {};
  if (xdm.timestamp !== undefined) return request;
  return { ...request, body: { ...request.body, xdm: { ...xdm, timestamp: now.toISOString() } } };
}
