/**
 * Adobe's section pattern: every form section knows its initial values, the settings it saves and
 * its validation. A view is the list of its sections; ExtensionView merges them for the bridge.
 */
import type { InitInfo } from '../bridge/extensionBridge';
import type { ErrorMap } from './errors';
import type { FieldValue } from './formValues';

/** A section's slice of the form: field key (or a UI-only key) → value. */
export type SectionValues = Record<string, FieldValue>;
/** The whole form: section id → its slice. */
export type FormValues = Record<string, SectionValues>;

export interface SectionForm {
  readonly id: string;
  getInitValues(initInfo: InitInfo): SectionValues;
  /** The settings this section contributes; empty values are omitted. */
  getSettings(values: FormValues): Record<string, unknown>;
  /** Problems keyed by form path; empty when the section may be saved. */
  validate(values: FormValues, initInfo: InitInfo): ErrorMap;
}

/** A plain object from saved settings, or an empty one. */
export function savedObject(source: unknown): Record<string, unknown> {
  return typeof source === 'object' && source !== null && !Array.isArray(source) ? (source as Record<string, unknown>) : {};
}

export function initialValues(sections: readonly SectionForm[], initInfo: InitInfo): FormValues {
  return Object.fromEntries(sections.map((section) => [section.id, section.getInitValues(initInfo)]));
}

export function settingsOf(sections: readonly SectionForm[], values: FormValues): Record<string, unknown> {
  return Object.assign({}, ...sections.map((section) => section.getSettings(values))) as Record<string, unknown>;
}

export function validationOf(sections: readonly SectionForm[], values: FormValues, initInfo: InitInfo): ErrorMap {
  return Object.assign({}, ...sections.map((section) => section.validate(values, initInfo))) as ErrorMap;
}
