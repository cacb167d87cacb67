/**
 * Registry field → parser that coerces a resolved value (see ./coerce.ts) and reports what is wrong
 * in the words of the field's rule. Built by kind, so every registry field is covered; built once
 * at module load, so parsing an event is a walk over precomputed functions.
 *
 * Parsers are plain functions rather than a schema library: every check here is one of our own
 * coercers, so a library would only add its per-value bookkeeping (and its bytes) to every event.
 */
import { ACTION_FIELDS, type FieldDefinition } from '../fields/registry';
import {
  ABSENT,
  Refusal,
  coerceBoolean,
  coerceEnum,
  coerceList,
  coerceNumber,
  coerceText,
  isConsentField,
  ownProperties,
  type Coerced
} from './coerce';
import { hintClause } from './problems';
import { CONTENT_ITEM_KEYS, CUSTOM_DATA_TYPES } from './types';

/** Where a value sits in the settings; built only when a problem is reported. */
export type SettingsPath = { readonly parent: SettingsPath; readonly key: PropertyKey } | undefined;

export interface SettingsIssue {
  /** `['properties', 'contents', 1, 'price']`; empty for the settings object itself. */
  readonly path: PropertyKey[];
  readonly message: string;
}

/** Returned by a parser that reported at least one issue for its value. */
export const INVALID = Symbol('invalid');

/** The parsed value (undefined when not set), or INVALID after pushing its issues. */
export type Schema = (input: unknown, issues: SettingsIssue[], path: SettingsPath) => unknown;

const child = (parent: SettingsPath, key: PropertyKey): SettingsPath => ({ parent, key });

function segments(path: SettingsPath): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let node = path; node !== undefined; node = node.parent) keys.unshift(node.key);
  return keys;
}

const refuse = (issues: SettingsIssue[], path: SettingsPath, reason: string): typeof INVALID => {
  issues.push({ path: segments(path), message: reason });
  return INVALID;
};

/** Wraps a coercer: refusals become issues; an empty value is "is required", the default, or absent. */
function coerced<T>(coerce: (input: unknown) => Coerced<T>, field: Pick<FieldDefinition, 'required' | 'defaultValue'>): Schema {
  return (input, issues, path) => {
    const result = coerce(input);
    if (result instanceof Refusal) return refuse(issues, path, result.reason);
    if (result !== ABSENT) return result;
    if (field.required) return refuse(issues, path, 'is required');
    return field.defaultValue;
  };
}

/** Text that must also match the field's pattern (configuration fields). */
function patternedText(field: FieldDefinition): (input: unknown) => Coerced<string> {
  const pattern = field.pattern === undefined ? undefined : new RegExp(field.pattern);
  const reason = `is not valid: ${hintClause(field.patternHint ?? 'It does not have the expected form.')}`;
  return (input) => {
    const text = coerceText(input);
    if (typeof text !== 'string' || pattern === undefined || pattern.test(text)) return text;
    return new Refusal(reason);
  };
}

/**
 * An object read from own properties only, so inherited members and `__proto__` keys are never
 * read; every field of the shape is parsed (all problems are reported), unknown keys are dropped,
 * and fields that are not set are left out rather than kept as undefined.
 */
export function ownObject(shape: Readonly<Record<string, Schema>>): Schema {
  const fields = Object.entries(shape);
  return (input, issues, path) => {
    const own = ownProperties(input);
    if (own === undefined) return refuse(issues, path, 'must be an object');
    // The keys are the shape's (registry keys), never `__proto__`, so assignment is safe.
    const parsed: Record<string, unknown> = {};
    let invalid = false;
    for (const [key, schema] of fields) {
      const value = schema(own[key], issues, child(path, key));
      if (value === INVALID) invalid = true;
      else if (value !== undefined) parsed[key] = value;
    }
    return invalid ? INVALID : parsed;
  };
}

/** A list field: an array (or JSON array text) of `item`; empty is an empty list. */
function list(item: Schema): Schema {
  return (input, issues, path) => {
    const result = coerceList(input);
    if (result instanceof Refusal) return refuse(issues, path, result.reason);
    if (result === ABSENT) return [];
    const items: unknown[] = [];
    let invalid = false;
    for (let index = 0; index < result.length; index += 1) {
      const value = item(result[index], issues, child(path, index));
      if (value === INVALID) invalid = true;
      items.push(value);
    }
    return invalid ? INVALID : items;
  };
}

const ITEM_FIELDS: readonly FieldDefinition[] = ACTION_FIELDS.filter(
  (field) => field.section === 'properties' && (CONTENT_ITEM_KEYS as readonly string[]).includes(field.key)
);

/** snake_case spellings used by TikTok- and Meta-style cart data elements. */
const CONTENT_ITEM_ALIASES: Readonly<Record<string, string>> = {
  content_id: 'contentId',
  content_name: 'contentName',
  content_category: 'contentCategory'
};

function contentsSchema(): Schema {
  const shape: Record<string, Schema> = {};
  for (const field of ITEM_FIELDS) shape[field.key] = fieldSchema({ ...field, required: false, defaultValue: undefined });
  const item = ownObject(shape);
  return list((input, issues, path) => {
    const own = ownProperties(input);
    if (own !== undefined) {
      for (const [alias, key] of Object.entries(CONTENT_ITEM_ALIASES)) {
        if (own[key] === undefined && own[alias] !== undefined) own[key] = own[alias];
      }
    }
    return item(own ?? input, issues, path);
  });
}

function coerceAttributeValue(input: unknown): Coerced<string> {
  if (typeof input === 'boolean') return String(input);
  const text = coerceText(input);
  return text instanceof Refusal ? new Refusal('must be text, a number or true/false') : text;
}

function attributesSchema(): Schema {
  const dataTypes = CUSTOM_DATA_TYPES.map((value) => ({ value, label: value }));
  const fields = ownObject({
    name: coerced(coerceText, {}),
    value: coerced(coerceAttributeValue, {}),
    dataType: coerced((input) => coerceEnum(input, dataTypes, false), {})
  });
  const rows = list((input, issues, path) => {
    const row = fields(input, issues, path);
    if (row === INVALID) return INVALID;
    const { name, value } = row as { name?: string; value?: string };
    // A row left blank in the view, or whose data element resolved empty, is not an attribute.
    if (value === undefined) return undefined;
    return name === undefined ? refuse(issues, child(path, 'name'), 'is required when a value is set') : row;
  });
  return (input, issues, path) => {
    const parsed = rows(input, issues, path);
    return parsed === INVALID ? INVALID : (parsed as unknown[]).filter((row) => row !== undefined);
  };
}

export function fieldSchema(field: FieldDefinition): Schema {
  switch (field.kind) {
    case 'text':
    case 'secret':
      return coerced(patternedText(field), field);
    case 'number':
      return coerced((input) => coerceNumber(input, field), field);
    case 'enum': {
      const options = field.options ?? [];
      const consent = isConsentField(field);
      return coerced((input) => coerceEnum(input, options, consent), field);
    }
    case 'boolean':
      return coerced(coerceBoolean, field);
    case 'contents':
      return contentsSchema();
    case 'attributes':
      return attributesSchema();
  }
}
