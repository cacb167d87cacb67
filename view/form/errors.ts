/**
 * Validation results. Sections report problems as a flat map from a form path
 * (`event.name`, `customAttributes.customAttributes.rows.2.name`, or a section-level key such as
 * `consent.euConsent`) to a message; react-hook-form wants them nested like the values.
 */
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';

export type ErrorMap = Record<string, string>;

export function toFormErrors<V extends FieldValues>(errors: ErrorMap): FieldErrors<V> {
  const nested: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(errors)) {
    const parts = path.split('.');
    let node = nested;
    parts.slice(0, -1).forEach((part) => {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    });
    const leaf: FieldError = { type: 'validate', message };
    node[parts[parts.length - 1] ?? path] = leaf;
  }
  return nested as FieldErrors<V>;
}
