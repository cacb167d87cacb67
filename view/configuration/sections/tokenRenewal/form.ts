/**
 * Optional token renewal: a switch (view only, not saved) that reveals the refresh token and
 * client secret. Both or neither are saved, as the configuration schema's dependencies require.
 */
import type { InitInfo } from '../../../bridge/extensionBridge';
import type { ErrorMap } from '../../../form/errors';
import { registryInitValues, registrySettings, registryValidation } from '../../../form/registrySection';
import { configurationFields } from '../../../form/registryLookup';
import { savedObject, type FormValues, type SectionForm } from '../../../form/section';

export const TOKEN_RENEWAL = 'tokenRenewal';
/** The switch's key in the section's form values. */
export const RENEWAL_ENABLED = 'enabled';
const fields = configurationFields(TOKEN_RENEWAL);

export function renewalEnabled(values: FormValues): boolean {
  return values[TOKEN_RENEWAL]?.[RENEWAL_ENABLED] === true;
}

export const tokenRenewalForm: SectionForm = {
  id: TOKEN_RENEWAL,
  getInitValues(initInfo: InitInfo) {
    const saved = savedObject(initInfo.settings);
    const values = registryInitValues(fields, saved);
    return { ...values, [RENEWAL_ENABLED]: fields.some((field) => saved[field.key] !== undefined) };
  },
  getSettings(values) {
    return renewalEnabled(values) ? registrySettings(fields, values[TOKEN_RENEWAL]) : {};
  },
  validate(values) {
    if (!renewalEnabled(values)) return {};
    const errors: ErrorMap = registryValidation(TOKEN_RENEWAL, fields, values[TOKEN_RENEWAL]);
    for (const field of fields) {
      const value = values[TOKEN_RENEWAL]?.[field.key];
      if (typeof value !== 'string' || value.trim() === '') {
        errors[`${TOKEN_RENEWAL}.${field.key}`] =
          `Pick the Core Secret data element that holds the ${field.label}: renewal needs both the refresh token and the client secret.`;
      }
    }
    return errors;
  }
};
