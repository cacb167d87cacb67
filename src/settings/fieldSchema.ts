/**
 * Registry field → zod schema that coerces a resolved value (see ./coerce.ts) and reports what is
 * wrong in the words of the field's rule. Built by kind, so every registry field is covered.
 */
import * as z from 'zod/mini';
import { HTTP_HEADER_HINT, isHttpHeaderSafe } from '../fields/checks';
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

type Schema = z.ZodMiniType;

const refuse = (ctx: { issues: unknown[] }, reason: string, path: PropertyKey[] = []): typeof z.NEVER => {
  ctx.issues.push({ code: 'custom', message: reason, input: undefined, path });
  return z.NEVER;
};

/** Wraps a coercer: refusals become issues; an empty value is "is required", the default, or absent. */
function coerced<T>(coerce: (input: unknown) => Coerced<T>, field: Pick<FieldDefinition, 'required' | 'defaultValue'>): Schema {
  return z.transform((input: unknown, ctx) => {
    const result = coerce(input);
    if (result instanceof Refusal) return refuse(ctx, result.reason);
    if (result !== ABSENT) return result;
    if (field.required) return refuse(ctx, 'is required');
    return field.defaultValue;
  });
}

/** Text that must also match the field's pattern, and be sendable when it becomes a header. */
function patternedText(field: FieldDefinition): (input: unknown) => Coerced<string> {
  const pattern = field.pattern === undefined ? undefined : new RegExp(field.pattern);
  const reason = `is not valid: ${hintClause(field.patternHint ?? 'It does not have the expected form.')}`;
  const headerReason = `is not valid: ${hintClause(HTTP_HEADER_HINT)}`;
  return (input) => {
    const text = coerceText(input);
    if (typeof text !== 'string') return text;
    if (pattern !== undefined && !pattern.test(text)) return new Refusal(reason);
    // Otherwise fetch refuses it on every attempt, which would look like a network failure.
    if (field.httpHeader && !isHttpHeaderSafe(text)) return new Refusal(headerReason);
    return text;
  };
}

/**
 * An object read from own properties only, so inherited members and `__proto__` keys are never
 * read; fields that are not set are left out rather than kept as undefined.
 */
export const ownObject = (shape: Record<string, Schema>): Schema =>
  z.pipe(
    z.pipe(
      z.transform((input: unknown, ctx) => ownProperties(input) ?? refuse(ctx, 'must be an object')),
      z.object(shape)
    ),
    z.transform(withoutUndefined)
  );

/** The parsed object without its unset fields (its keys are the shape's, never `__proto__`). */
function withoutUndefined(parsed: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(parsed)) {
    const value = parsed[key];
    if (value !== undefined) kept[key] = value;
  }
  return kept;
}

/** A list field: an array (or JSON array text) of `item`; empty is an empty list. */
const list = (item: Schema): Schema =>
  z.pipe(
    z.transform((input: unknown, ctx) => {
      const result = coerceList(input);
      if (result instanceof Refusal) return refuse(ctx, result.reason);
      return result === ABSENT ? [] : result;
    }),
    z.array(item)
  );

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
  const item = z.pipe(
    z.transform((input: unknown): unknown => {
      const own = ownProperties(input);
      if (own === undefined) return input;
      for (const [alias, key] of Object.entries(CONTENT_ITEM_ALIASES)) {
        if (own[key] === undefined && own[alias] !== undefined) own[key] = own[alias];
      }
      return own;
    }),
    ownObject(shape)
  );
  return list(item);
}

function coerceAttributeValue(input: unknown): Coerced<string> {
  if (typeof input === 'boolean') return String(input);
  const text = coerceText(input);
  return text instanceof Refusal ? new Refusal('must be text, a number or true/false') : text;
}

function attributesSchema(): Schema {
  const dataTypes = CUSTOM_DATA_TYPES.map((value) => ({ value, label: value }));
  const row = z.pipe(
    ownObject({
      name: coerced(coerceText, {}),
      value: coerced(coerceAttributeValue, {}),
      dataType: coerced((input) => coerceEnum(input, dataTypes, false), {})
    }),
    z.transform((row: { name?: string; value?: string }, ctx) => {
      // A row left blank in the view, or whose data element resolved empty, is not an attribute.
      if (row.value === undefined) return undefined;
      return row.name === undefined ? refuse(ctx, 'is required when a value is set', ['name']) : row;
    })
  );
  return z.pipe(
    list(row),
    z.transform((rows: unknown[]) => rows.filter((row) => row !== undefined))
  );
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

