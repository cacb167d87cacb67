/**
 * Custom attributes: rows are checked one by one (a name Amazon accepts, a value, an integer when
 * typed INTEGER); a data element must be exactly one token returning the whole list.
 */
import { runCheck } from '../../../../../src/fields/checks';
import type { ErrorMap } from '../../../../form/errors';
import { parseLiteralNumber, type AttributesValue } from '../../../../form/formValues';
import type { FormValues } from '../../../../form/section';
import { hasToken, isWholeToken } from '../../../../form/tokens';
import { actionSectionForm } from '../actionSectionForm';

export const CUSTOM_ATTRIBUTES = 'customAttributes';
/** Form path of the attributes value (section id, then the registry key, which are the same). */
export const ATTRIBUTES_PATH = `${CUSTOM_ATTRIBUTES}.customAttributes`;

function rowErrors(value: AttributesValue): ErrorMap {
  const errors: ErrorMap = {};
  value.rows.forEach((row, index) => {
    const name = row.name.trim();
    const text = row.value.trim();
    if (name === '' && text === '') return;
    const at = `${ATTRIBUTES_PATH}.rows.${index}`;
    if (name === '') errors[`${at}.name`] = 'Enter the attribute name, or remove the row.';
    else if (!hasToken(name)) {
      const message = runCheck('attributeName', name);
      if (message !== undefined) errors[`${at}.name`] = message;
    }
    if (text === '') errors[`${at}.value`] = 'Enter a value, or remove the row.';
    else if (row.dataType === 'INTEGER' && !hasToken(text) && !Number.isInteger(parseLiteralNumber(text))) {
      errors[`${at}.value`] = 'Enter a whole number, or change the data type.';
    }
  });
  return errors;
}

function attributesValidation(values: FormValues): ErrorMap {
  const value = values[CUSTOM_ATTRIBUTES]?.customAttributes;
  if (typeof value !== 'object') return {};
  if (value.mode === 'rows') return rowErrors(value);
  const token = value.dataElement.trim();
  return token === '' || isWholeToken(token)
    ? {}
    : { [`${ATTRIBUTES_PATH}.dataElement`]: 'Pick exactly one data element that returns the list of {name, value} attributes.' };
}

export const customAttributesForm = actionSectionForm(CUSTOM_ATTRIBUTES, attributesValidation);
