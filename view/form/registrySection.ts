/** The generic parts of a section whose rows are registry fields: init, settings, validation. */
import type { FieldDefinition } from '../../src/fields/registry';
import { formValueFromSettings, settingFromFormValue } from './formValues';
import type { ErrorMap } from './errors';
import type { SectionValues } from './section';
import { validateField } from './validateField';

export function registryInitValues(fields: readonly FieldDefinition[], saved: Record<string, unknown>): SectionValues {
  return Object.fromEntries(fields.map((field) => [field.key, formValueFromSettings(field, saved[field.key])]));
}

export function registrySettings(fields: readonly FieldDefinition[], values: SectionValues | undefined): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values?.[field.key];
    if (value === undefined) continue;
    const setting = settingFromFormValue(field, value);
    if (setting !== undefined) settings[field.key] = setting;
  }
  return settings;
}

export function registryValidation(
  sectionId: string,
  fields: readonly FieldDefinition[],
  values: SectionValues | undefined
): ErrorMap {
  const errors: ErrorMap = {};
  for (const field of fields) {
    const message = validateField(field, values?.[field.key] ?? '');
    if (message !== undefined) errors[`${sectionId}.${field.key}`] = message;
  }
  return errors;
}
