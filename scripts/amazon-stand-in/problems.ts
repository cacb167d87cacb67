/**
 * What is wrong with one event, as field locations and messages. Messages name the field and the
 * rule, never the value: the values are hashes at best and personal data at worst.
 */

export interface Problem {
  /** Path inside the event, e.g. `eventDescription.conversionType` or `matchKeys[1].values[0]`. */
  fieldLocation: string;
  message: string;
}

export class ProblemList {
  readonly items: Problem[] = [];

  /** Records that the field at `fieldLocation` breaks a rule; the message starts with the field. */
  add(fieldLocation: string, rule: string): void {
    this.items.push({ fieldLocation, message: `${fieldLocation} ${rule}` });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `parent.key`, or `key` at the top of the event. */
export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Amazon rejects fields it does not know, so every unknown key is a problem of its own. */
export function rejectUnknownKeys(
  object: Record<string, unknown>,
  allowed: readonly string[],
  parent: string,
  problems: ProblemList
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) problems.add(fieldPath(parent, key), 'is not a field this API accepts');
  }
}

export function oneOf(values: readonly string[]): string {
  return `must be one of ${values.join(', ')}`;
}

/** A required string from a fixed list. */
export function checkEnum(value: unknown, path: string, allowed: readonly string[], problems: ProblemList): void {
  if (value === undefined) problems.add(path, 'is required');
  else if (typeof value !== 'string' || !allowed.includes(value)) problems.add(path, oneOf(allowed));
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
