/**
 * Literal-value validation driven by the registry: `required`, `pattern`/`patternHint`, `options`,
 * `minimum`/`exclusiveMinimum`/`integer` and the shared named checks. A value holding a data element
 * token is accepted here; the library checks what it resolves to. Messages say how to fix the value.
 */
import { HTTP_HEADER_HINT, isHttpHeaderSafe, runCheck } from '../../src/fields/checks';
import type { FieldDefinition } from '../../src/fields/registry';
import { matchOption, parseContentsArray, parseLiteralNumber, type FieldValue } from './formValues';
import { hasToken, isWholeToken } from './tokens';

function requiredMessage(field: FieldDefinition): string {
  const verb = field.kind === 'enum' ? 'Pick' : 'Enter';
  return field.dataElement ? `${verb} the ${field.label}, or pick a data element.` : `${verb} the ${field.label}.`;
}

function validateText(field: FieldDefinition, text: string): string | undefined {
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(text)) {
    return field.patternHint ?? `${field.label} has an unexpected format.`;
  }
  if (field.httpHeader && !isHttpHeaderSafe(text)) return HTTP_HEADER_HINT;
  return field.check ? runCheck(field.check, text) : undefined;
}

function validateNumber(field: FieldDefinition, text: string): string | undefined {
  const number = parseLiteralNumber(text);
  if (number === undefined) return `Enter a number such as ${field.integer ? '2' : '19.99'}, or pick a data element.`;
  if (field.integer && !Number.isInteger(number)) return 'Enter a whole number such as 2.';
  if (field.minimum !== undefined) {
    if (field.exclusiveMinimum && number <= field.minimum) return `Enter a number greater than ${field.minimum}.`;
    if (number < field.minimum) return `Enter a number of ${field.minimum} or more.`;
  }
  if (field.maximum !== undefined && number > field.maximum) return `Enter a number of at most ${field.maximum}.`;
  return undefined;
}

function validateEnum(field: FieldDefinition, text: string): string | undefined {
  if (matchOption(field, text) !== undefined) return undefined;
  const labels = (field.options ?? []).map((option) => option.label).join(', ');
  return field.dataElement ? `Pick one of ${labels}, or a data element.` : `Pick one of ${labels}.`;
}

const CONTENTS_HINT =
  'Pick one data element that returns the cart as an array, or enter a JSON array such as [{"contentId":"sku-1","price":9.99,"quantity":1}].';

/** The fix-it message for a field's form value, or undefined when it may be saved. */
export function validateField(field: FieldDefinition, value: FieldValue): string | undefined {
  if (typeof value === 'boolean' || typeof value === 'object') return undefined;
  const text = value.trim();
  if (text === '') return field.required ? requiredMessage(field) : undefined;
  switch (field.kind) {
    case 'boolean':
      return isWholeToken(text) ? undefined : 'Use the switch, or pick exactly one data element.';
    case 'contents':
      return isWholeToken(text) || (!hasToken(text) && parseContentsArray(text) !== undefined) ? undefined : CONTENTS_HINT;
    case 'attributes':
      return undefined;
    default:
      break;
  }
  if (hasToken(text)) return field.dataElement ? undefined : `${field.label} does not accept data elements.`;
  switch (field.kind) {
    case 'number':
      return validateNumber(field, text);
    case 'enum':
      return validateEnum(field, text);
    default:
      return validateText(field, text);
  }
}

/**
 * A secret typed in as plain text would be stored readable in the Tags property. The view warns
 * but still saves it, so a local sandbox can use a test token.
 */
export function plainSecretWarning(field: FieldDefinition, value: FieldValue): string | undefined {
  if (field.kind !== 'secret' || typeof value !== 'string') return undefined;
  const text = value.trim();
  return text !== '' && !hasToken(text)
    ? 'This is saved in plain text in your property. Store it as an event-forwarding Secret and pick its Core Secret data element instead.'
    : undefined;
}
