/**
 * Coercion of resolved setting values, one function per registry field kind. Adobe replaces a
 * whole-token setting with the data element's own value, so any JSON type can arrive; each coercer
 * accepts the forms a tag engineer plausibly has at hand and says what it wanted otherwise.
 * Reasons never quote the value.
 */
import type { FieldDefinition, FieldOption } from '../fields/registry';

/** Empty input: the field is treated as not set. */
export const ABSENT = Symbol('absent');

/** Why a value was refused, phrased to follow its path ("must be true or false"). */
export class Refusal {
  constructor(readonly reason: string) {}
}

export type Coerced<T> = T | typeof ABSENT | Refusal;

const isEmpty = (input: unknown): boolean =>
  input === undefined || input === null || (typeof input === 'string' && input.trim() === '');

/** Text: a trimmed string; numbers become their decimal text. */
export function coerceText(input: unknown): Coerced<string> {
  if (isEmpty(input)) return ABSENT;
  if (typeof input === 'string') return input.trim();
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return new Refusal('must be text');
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "a whole number greater than 0", "a number of 0 or more": the field's rule in words. */
export function describeNumberRule(field: NumberRule): string {
  const kind = field.integer ? 'a whole number' : 'a number';
  const { minimum, maximum } = field;
  if (minimum === undefined) return maximum === undefined ? kind : `${kind} of at most ${maximum}`;
  if (field.exclusiveMinimum) return `${kind} greater than ${minimum}${maximum === undefined ? '' : ` and at most ${maximum}`}`;
  return maximum === undefined ? `${kind} of ${minimum} or more` : `${kind} from ${minimum} to ${maximum}`;
}

type NumberRule = Pick<FieldDefinition, 'integer' | 'minimum' | 'exclusiveMinimum' | 'maximum'>;

/** A finite number, from a number or a numeric string, that satisfies the field's rule. */
export function coerceNumber(
  input: unknown,
  field: NumberRule
): Coerced<number> {
  if (isEmpty(input)) return ABSENT;
  let number: number | undefined;
  if (typeof input === 'number') number = input;
  else if (typeof input === 'string' && NUMERIC.test(input.trim())) number = Number(input.trim());
  const problem = new Refusal(`must be ${describeNumberRule(field)}`);
  if (number === undefined || !Number.isFinite(number)) return problem;
  if (field.integer && !Number.isInteger(number)) return problem;
  if (field.minimum !== undefined) {
    if (field.exclusiveMinimum ? number <= field.minimum : number < field.minimum) return problem;
  }
  if (field.maximum !== undefined && number > field.maximum) return problem;
  return number;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off']);

/** A boolean, from a boolean, 1/0, or a word such as yes/no, on/off. */
export function coerceBoolean(input: unknown): Coerced<boolean> {
  if (isEmpty(input)) return ABSENT;
  if (typeof input === 'boolean') return input;
  const word = typeof input === 'number' || typeof input === 'string' ? String(input).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return new Refusal('must be true or false');
}

/** Letters and digits only, lower-case: "Off-Amazon purchases", "off_amazon_purchases" and "OFF AMAZON PURCHASES" meet. */
const fold = (text: string): string => text.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Loose consent inputs as consent platforms and Amazon's own GTM template spell them. Applied to
 * enum fields whose options are exactly GRANTED and DENIED.
 */
const CONSENT_WORDS: ReadonlyMap<string, string> = new Map([
  ...['true', 'yes', '1', 'on', 'granted', 'grant', 'enabled', 'optedin', 'optin', 'allow', 'allowed'].map(
    (word) => [word, 'GRANTED'] as const
  ),
  ...['false', 'no', '0', 'off', 'denied', 'deny', 'disabled', 'optedout', 'optout', 'revoked'].map(
    (word) => [word, 'DENIED'] as const
  )
]);

export function isConsentField(field: Pick<FieldDefinition, 'options'>): boolean {
  const values = (field.options ?? []).map((option) => option.value).sort();
  return values.length === 2 && values[0] === 'DENIED' && values[1] === 'GRANTED';
}

/** One of the options' values, matched on value or label regardless of case, spaces, "_" and "-". */
export function coerceEnum(input: unknown, options: readonly FieldOption[], consent: boolean): Coerced<string> {
  if (isEmpty(input)) return ABSENT;
  const problem = new Refusal(`must be one of ${options.map((option) => option.value).join(', ')}`);
  if (typeof input === 'boolean' || typeof input === 'number') {
    const word = consent ? CONSENT_WORDS.get(String(input)) : undefined;
    return word ?? problem;
  }
  if (typeof input !== 'string') return problem;
  const folded = fold(input.trim());
  const option = options.find((candidate) => fold(candidate.value) === folded || fold(candidate.label) === folded);
  if (option) return option.value;
  return (consent ? CONSENT_WORDS.get(folded) : undefined) ?? problem;
}

/** An array, or a string holding a JSON array (what a custom-code data element often returns). */
export function coerceList(input: unknown): Coerced<readonly unknown[]> {
  if (isEmpty(input)) return ABSENT;
  if (Array.isArray(input)) return input as readonly unknown[];
  if (typeof input === 'string' && input.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(input);
      if (Array.isArray(parsed)) return parsed as readonly unknown[];
    } catch {
      // Falls through to the problem below: the text is not JSON.
    }
  }
  return new Refusal('must be a list (an array, or a data element returning one)');
}

/**
 * The object's own enumerable properties on a prototype-less copy. Data elements may return objects
 * with keys such as `__proto__` or `constructor`; reading only own keys from a null-prototype copy
 * means neither inherited members nor those keys can leak into, or pollute, anything we build.
 */
export function ownProperties(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const copy = Object.create(null) as Record<string, unknown>;
  // Plain assignment is safe here: without a prototype there is no inherited `__proto__` setter,
  // so even that key becomes an ordinary own property of the copy.
  for (const key of Object.keys(input)) copy[key] = (input as Record<string, unknown>)[key];
  return copy;
}
