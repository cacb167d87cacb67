/**
 * User section. Amazon matches people only by match keys, and the library fails an event without
 * one, so an action whose match-key fields are all empty could never send anything: the view says
 * so before it is saved. (The IP address is a consent signal, not a match key.)
 */
import type { ErrorMap } from '../../../../form/errors';
import { actionFields } from '../../../../form/registryLookup';
import type { FormValues } from '../../../../form/section';
import { actionSectionForm } from '../actionSectionForm';

export const USER = 'user';
/** Form path of the section-level "no match key" problem (shown above the section's rows). */
export const MATCH_KEY_ERROR = `${USER}.matchKey`;

export const MATCH_KEY_FIELDS = actionFields(USER).filter((field) => field.key !== 'ipAddress');

export const MATCH_KEY_MESSAGE = `Amazon matches people by at least one of: ${MATCH_KEY_FIELDS.map((field) => field.label).join(
  ', '
)}. Fill in one of them, or pick a data element for it.`;

function matchKeyValidation(values: FormValues): ErrorMap {
  const hasMatchKey = MATCH_KEY_FIELDS.some((field) => {
    const value = values[USER]?.[field.key];
    return typeof value === 'string' && value.trim() !== '';
  });
  return hasMatchKey ? {} : { [MATCH_KEY_ERROR]: MATCH_KEY_MESSAGE };
}

export const userForm = actionSectionForm(USER, matchKeyValidation);
