/**
 * Consent section. Amazon rejects Europe-region events without a consent signal, so when the
 * extension configuration's region is EU the view asks for at least one of them.
 */
import type { InitInfo } from '../../../../bridge/extensionBridge';
import type { ErrorMap } from '../../../../form/errors';
import { actionFields, fieldByKey } from '../../../../form/registryLookup';
import { savedObject, type FormValues } from '../../../../form/section';
import { actionSectionForm } from '../actionSectionForm';
import { USER } from '../user/form';

export const CONSENT = 'consent';
/** Form path of the section-level EU consent problem (not a field; shown above the section's rows). */
export const EU_CONSENT_ERROR = `${CONSENT}.euConsent`;

/** The fields any one of which satisfies Amazon's EU consent requirement, as form paths. */
export const EU_CONSENT_SIGNALS = [
  { sectionId: USER, field: fieldByKey(actionFields(USER), 'ipAddress') },
  { sectionId: CONSENT, field: fieldByKey(actionFields(CONSENT), 'amznUserData') },
  { sectionId: CONSENT, field: fieldByKey(actionFields(CONSENT), 'tcf') },
  { sectionId: CONSENT, field: fieldByKey(actionFields(CONSENT), 'gpp') }
] as const;

export function isEuRegion(initInfo: InitInfo): boolean {
  return savedObject(initInfo.extensionSettings).region === 'EU';
}

export const EU_CONSENT_MESSAGE = `The extension configuration sends events to Amazon's Europe region, which rejects events without a consent signal. Fill in at least one of: ${EU_CONSENT_SIGNALS.map(
  ({ field }) => field.label
).join(', ')}.`;

function euConsentValidation(values: FormValues, initInfo: InitInfo): ErrorMap {
  if (!isEuRegion(initInfo)) return {};
  const hasSignal = EU_CONSENT_SIGNALS.some(({ sectionId, field }) => {
    const value = values[sectionId]?.[field.key];
    return typeof value === 'string' && value.trim() !== '';
  });
  return hasSignal ? {} : { [EU_CONSENT_ERROR]: EU_CONSENT_MESSAGE };
}

export const consentForm = actionSectionForm(CONSENT, euConsentValidation);
