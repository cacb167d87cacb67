/** Shared helpers for view tests: run the section forms without rendering, and the manifest schemas. */
import Ajv from 'ajv-draft-04';
import { actionSchema, configurationSchema } from '../../src/fields/manifestSchema';
import { SEND_WEB_EVENT_FORMS } from '../../view/actions/sendWebEvent/forms';
import type { InitInfo } from '../../view/bridge/extensionBridge';
import { CONFIGURATION_FORMS } from '../../view/configuration/forms';
import { initialValues, settingsOf, validationOf, type FormValues, type SectionForm } from '../../view/form/section';

export interface ViewForms {
  readonly sections: readonly SectionForm[];
  init(initInfo: InitInfo): FormValues;
  settings(values: FormValues): Record<string, unknown>;
  errors(values: FormValues, initInfo?: InitInfo): Record<string, string>;
}

function viewForms(sections: readonly SectionForm[]): ViewForms {
  return {
    sections,
    init: (initInfo) => initialValues(sections, initInfo),
    settings: (values) => settingsOf(sections, values),
    errors: (values, initInfo = { settings: null }) => validationOf(sections, values, initInfo)
  };
}

export const configurationView = viewForms(CONFIGURATION_FORMS);
export const actionView = viewForms(SEND_WEB_EVENT_FORMS);

const ajv = new Ajv({ strict: false, allErrors: true });
const configurationValidator = ajv.compile(configurationSchema());
const actionValidator = ajv.compile(actionSchema());

/** Schema errors for saved settings, as readable strings ([] when the manifest schema accepts them). */
export function configurationSchemaErrors(settings: unknown): string[] {
  return configurationValidator(settings) ? [] : (configurationValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
export function actionSchemaErrors(settings: unknown): string[] {
  return actionValidator(settings) ? [] : (actionValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** A copy of form values with some fields changed by `section.key` path. */
export function withValues(values: FormValues, changes: Record<string, unknown>): FormValues {
  const copy = structuredClone(values);
  for (const [path, value] of Object.entries(changes)) {
    const [section, key] = path.split('.') as [string, string];
    copy[section] = { ...copy[section], [key]: value as never };
  }
  return copy;
}
