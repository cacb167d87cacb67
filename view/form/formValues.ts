/**
 * How one registry field is held by the form, and how it maps to and from saved settings.
 * Form values are what the inputs edit (text as strings, switches as booleans); saved settings
 * follow the manifest schema (numbers as numbers, empty values omitted).
 */
import type { FieldDefinition } from '../../src/fields/registry';
import { coerceEnum, coerceNumber, isConsentField } from '../../src/settings/coerce';
import { hasToken, isWholeToken } from './tokens';

/** Data types Amazon accepts for a custom attribute (the manifest schema's `dataType` enum). */
export const ATTRIBUTE_DATA_TYPES = ['STRING', 'INTEGER', 'TIMESTAMP'] as const;
type AttributeDataType = (typeof ATTRIBUTE_DATA_TYPES)[number];

export interface AttributeRow {
  name: string;
  value: string;
  /** Empty: let the library infer it. */
  dataType: AttributeDataType | '';
}

export interface AttributesValue {
  /** Rows typed into the view, or one data element returning the whole list. */
  mode: 'rows' | 'dataElement';
  rows: AttributeRow[];
  dataElement: string;
}

/** A switch, or a whole data element token in its place. */
type BooleanValue = boolean | string;

export type FieldValue = string | BooleanValue | AttributesValue;

export const emptyAttributeRow = (): AttributeRow => ({ name: '', value: '', dataType: '' });

function isAttributeDataType(value: unknown): value is AttributeDataType {
  return (ATTRIBUTE_DATA_TYPES as readonly unknown[]).includes(value);
}

function attributesFromSettings(saved: unknown): AttributesValue {
  if (typeof saved === 'string') return { mode: 'dataElement', rows: [emptyAttributeRow()], dataElement: saved };
  const rows = Array.isArray(saved)
    ? saved.map((item: unknown): AttributeRow => {
        const row = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
        return {
          name: typeof row.name === 'string' ? row.name : '',
          value: typeof row.value === 'string' || typeof row.value === 'number' || typeof row.value === 'boolean' ? String(row.value) : '',
          dataType: isAttributeDataType(row.dataType) ? row.dataType : ''
        };
      })
    : [];
  return { mode: 'rows', rows: rows.length > 0 ? rows : [emptyAttributeRow()], dataElement: '' };
}

/** The form value for a field, from saved settings (or the field's default when nothing is saved). */
export function formValueFromSettings(field: FieldDefinition, saved: unknown): FieldValue {
  switch (field.kind) {
    case 'boolean':
      if (typeof saved === 'boolean' || typeof saved === 'string') return saved;
      return field.defaultValue === true;
    case 'attributes':
      return attributesFromSettings(saved);
    case 'contents':
      if (Array.isArray(saved)) return JSON.stringify(saved);
      return typeof saved === 'string' ? saved : '';
    default:
      if (typeof saved === 'string') return saved;
      if (typeof saved === 'number') return String(saved);
      return typeof field.defaultValue === 'string' ? field.defaultValue : '';
  }
}

/**
 * The option a literal enum value names, matched exactly as the library matches resolved values
 * (value or label; case, spaces, "_" and "-" ignored; loose consent words), else undefined.
 */
export function matchOption(field: FieldDefinition, text: string): string | undefined {
  const option = coerceEnum(text, field.options ?? [], isConsentField(field));
  return typeof option === 'string' ? option : undefined;
}

/** A literal number read as the library reads a resolved one ("19.99", " 2 "), else undefined. */
export function parseLiteralNumber(text: string): number | undefined {
  const number = coerceNumber(text, {});
  return typeof number === 'number' ? number : undefined;
}

/** A literal JSON array of objects (the Contents field without a data element), else undefined. */
export function parseContentsArray(text: string): Record<string, unknown>[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      ? (parsed as Record<string, unknown>[])
      : undefined;
  } catch {
    return undefined;
  }
}

function attributesSetting(value: AttributesValue): unknown {
  if (value.mode === 'dataElement') {
    const token = value.dataElement.trim();
    return token === '' ? undefined : token;
  }
  const rows = value.rows
    .filter((row) => row.name.trim() !== '' || row.value.trim() !== '')
    .map((row) => ({
      name: row.name.trim(),
      value: row.value.trim(),
      ...(row.dataType !== '' ? { dataType: row.dataType } : {})
    }));
  return rows.length > 0 ? rows : undefined;
}

/**
 * The saved setting for a form value, or undefined when the field is empty and must be omitted.
 * Literal numbers are saved as numbers and enum literals as their option value; anything holding
 * a data element token is saved as typed, because Tags resolves it at runtime.
 */
export function settingFromFormValue(field: FieldDefinition, value: FieldValue): unknown {
  if (field.kind === 'attributes') return typeof value === 'object' ? attributesSetting(value) : undefined;
  if (field.kind === 'boolean') {
    if (typeof value === 'boolean') return value ? true : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (hasToken(text)) return text;
  switch (field.kind) {
    case 'number':
      return parseLiteralNumber(text) ?? text;
    case 'enum':
      return matchOption(field, text) ?? text;
    case 'contents':
      return isWholeToken(text) ? text : (parseContentsArray(text) ?? text);
    default:
      return text;
  }
}
