/**
 * Registry → JSON Schema draft-04, as Adobe's Tags stores and validates settings. Every field that
 * accepts a data element also accepts a string holding a `{{token}}`, because that is what the view
 * saves; literal values must satisfy the field's own rule.
 */
import {
  ACTION_FIELDS,
  CONFIGURATION_FIELDS,
  NESTED_ACTION_SECTIONS,
  TOKEN_SOURCE,
  WHOLE_TOKEN_SOURCE,
  type FieldDefinition
} from './registry';
import { MAX_CUSTOM_ATTRIBUTES } from '../amazon/endpoints';

export type JsonSchema = { [key: string]: unknown };

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';

/** A string that contains a token somewhere (mixed text like "order-{{id}}" included). */
const tokenString = (): JsonSchema => ({ type: 'string', pattern: TOKEN_SOURCE });
/** A string that is exactly one token (the only way to supply a non-string type). */
const wholeTokenString = (): JsonSchema => ({ type: 'string', pattern: WHOLE_TOKEN_SOURCE });

function textSchema(field: FieldDefinition): JsonSchema {
  if (!field.pattern) {
    return field.required || field.kind === 'secret' ? { type: 'string', minLength: 1 } : { type: 'string' };
  }
  // Literal values must match the rule; values containing a token are checked at runtime.
  const literal = `^(?:${field.pattern.replace(/^\^/, '').replace(/\$$/, '')})$`;
  return {
    type: 'string',
    pattern: field.dataElement ? `${literal}|${TOKEN_SOURCE}` : literal
  };
}

function numberSchema(field: FieldDefinition): JsonSchema {
  const literal: JsonSchema = { type: field.integer ? 'integer' : 'number' };
  if (field.minimum !== undefined) {
    literal.minimum = field.minimum;
    if (field.exclusiveMinimum) literal.exclusiveMinimum = true;
  }
  if (field.maximum !== undefined) literal.maximum = field.maximum;
  return field.dataElement ? { anyOf: [literal, tokenString()] } : literal;
}

function enumSchema(field: FieldDefinition): JsonSchema {
  const literal: JsonSchema = { type: 'string', enum: (field.options ?? []).map((option) => option.value) };
  return field.dataElement ? { anyOf: [literal, tokenString()] } : literal;
}

function booleanSchema(field: FieldDefinition): JsonSchema {
  return field.dataElement ? { anyOf: [{ type: 'boolean' }, wholeTokenString()] } : { type: 'boolean' };
}

function attributesSchema(): JsonSchema {
  const attributeName = { type: 'string', pattern: `^[A-Za-z0-9_]{1,100}$|${TOKEN_SOURCE}` };
  const row: JsonSchema = {
    type: 'object',
    properties: {
      name: attributeName,
      value: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
      dataType: { type: 'string', enum: ['STRING', 'INTEGER', 'TIMESTAMP'] }
    },
    required: ['name', 'value'],
    additionalProperties: false
  };
  return { anyOf: [{ type: 'array', maxItems: MAX_CUSTOM_ATTRIBUTES, items: row }, wholeTokenString()] };
}

function contentsSchema(): JsonSchema {
  return { anyOf: [{ type: 'array', items: { type: 'object' } }, wholeTokenString()] };
}

export function fieldSchema(field: FieldDefinition): JsonSchema {
  switch (field.kind) {
    case 'text':
    case 'secret':
      return textSchema(field);
    case 'number':
      return numberSchema(field);
    case 'enum':
      return enumSchema(field);
    case 'boolean':
      return booleanSchema(field);
    case 'attributes':
      return attributesSchema();
    case 'contents':
      return contentsSchema();
  }
}

function objectSchema(fields: readonly FieldDefinition[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.key] = fieldSchema(field);
  const required = fields.filter((field) => field.required).map((field) => field.key);
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false
  };
}

export function configurationSchema(): JsonSchema {
  return {
    $schema: DRAFT_04,
    ...objectSchema(CONFIGURATION_FIELDS),
    // An access token, or the refresh token + client secret pair that mints one.
    anyOf: [{ required: ['accessToken'] }, { required: ['refreshToken', 'clientSecret'] }],
    dependencies: { refreshToken: ['clientSecret'], clientSecret: ['refreshToken'] }
  };
}

export function actionSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const section of NESTED_ACTION_SECTIONS) {
    properties[section] = objectSchema(ACTION_FIELDS.filter((field) => field.section === section));
  }
  for (const field of ACTION_FIELDS) {
    if (!(NESTED_ACTION_SECTIONS as readonly string[]).includes(field.section)) {
      properties[field.key] = fieldSchema(field);
    }
  }
  return {
    $schema: DRAFT_04,
    type: 'object',
    properties,
    required: ['event'],
    additionalProperties: false
  };
}
