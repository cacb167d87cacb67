/**
 * Registry ↔ library drift: every registry field reaches the parsed settings at its saved path, and
 * the enum types the library relies on match the registry's options.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTION_SOURCES,
  APIS,
  CONSENT_VALUES,
  CONVERSION_TYPES,
  CURRENCY_CODES,
  REGIONS
} from '../../../src/amazon/endpoints';
import { ACTION_FIELDS, CONFIGURATION_FIELDS, actionFieldPath, type FieldDefinition } from '../../../src/fields/registry';
import { parseSettings } from '../../../src/settings/parse';
import { extensionSettings } from '../action/fixtures';

/** A valid literal for a field, as the view would save it. */
function sampleValue(field: FieldDefinition): unknown {
  switch (field.kind) {
    case 'text':
    case 'secret':
      if (field.placeholder !== undefined && !field.placeholder.includes('{{')) return field.placeholder;
      return field.pattern === undefined ? 'Sample_value' : 'Sample_value_42';
    case 'number':
      return 1;
    case 'enum':
      return field.options?.[0]?.value;
    case 'boolean':
      return true;
    case 'contents':
      return [{ price: 1, quantity: 1, contentId: 'SKU_1' }];
    case 'attributes':
      return [{ name: 'sample', value: 'value' }];
  }
}

const readPath = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);

const setPath = (root: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> => {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return root;
  if (rest.length === 0) return { ...root, [head]: value };
  return { ...root, [head]: setPath((root[head] as Record<string, unknown> | undefined) ?? {}, rest.join('.'), value) };
};

describe('every registry field is parsed', () => {
  it.each(ACTION_FIELDS.map((field) => [actionFieldPath(field), field] as const))('action %s', (path, field) => {
    const action = setPath({ event: { name: 'Purchase' } }, path, sampleValue(field));
    const parsed = parseSettings(extensionSettings(), action).action;
    expect(readPath(parsed, path)).toBeDefined();
    expect(readPath(parsed, path)).not.toBe('');
  });

  it.each(CONFIGURATION_FIELDS.map((field) => [field.key, field] as const))('configuration %s', (key, field) => {
    const extension = { ...extensionSettings(), [key]: sampleValue(field) };
    if (key === 'refreshToken' || key === 'clientSecret') Object.assign(extension, { refreshToken: 'Atzr|fake', clientSecret: 'fake-secret' });
    const parsed = parseSettings(extension, { event: { name: 'Purchase' } }).extension as Record<string, unknown>;
    expect(parsed[key]).toBeDefined();
  });

  it('saved paths are unique', () => {
    const paths = ACTION_FIELDS.map(actionFieldPath);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('enum types match the registry options', () => {
  const optionsOf = (key: string, fields: readonly FieldDefinition[]) =>
    fields.find((field) => field.key === key)?.options?.map((option) => option.value);

  it.each([
    ['type', ACTION_FIELDS, CONVERSION_TYPES],
    ['actionSource', ACTION_FIELDS, ACTION_SOURCES],
    ['currency', ACTION_FIELDS, CURRENCY_CODES],
    ['amznUserData', ACTION_FIELDS, CONSENT_VALUES],
    ['amznAdStorage', ACTION_FIELDS, CONSENT_VALUES],
    ['contentType', ACTION_FIELDS, ['product', 'product_group']],
    ['region', CONFIGURATION_FIELDS, REGIONS],
    ['api', CONFIGURATION_FIELDS, APIS]
  ] as const)('%s', (key, fields, values) => {
    expect(optionsOf(key, fields)).toStrictEqual([...values]);
  });
});
