/** Which Amazon event type an action will send, in words, for the badge beside the event name. */
import { deriveConversionType } from '../../../../../src/event/eventType';
import { matchOption } from '../../../../form/formValues';
import { actionFields, fieldByKey } from '../../../../form/registryLookup';
import { hasToken } from '../../../../form/tokens';
import { EVENT } from './form';

const typeField = fieldByKey(actionFields(EVENT), 'type');

/** The registry's label of an Amazon conversion type (OFF_AMAZON_PURCHASES → Off Amazon Purchases). */
export const conversionTypeLabel = (type: string): string =>
  typeField.options?.find((option) => option.value === type)?.label ?? type;

export interface EffectiveEventType {
  readonly label: string;
  /** Where the type comes from, as a phrase for the field's description. */
  readonly source: string;
}

/** The type the Amazon Event Type field sets, else the one derived from the name; undefined when unknown. */
export function effectiveEventType(name: string, type: string): EffectiveEventType | undefined {
  const chosen = type.trim();
  if (chosen !== '') {
    if (hasToken(chosen)) return { label: 'From data element', source: 'set by the Amazon Event Type data element' };
    const option = matchOption(typeField, chosen);
    return option ? { label: conversionTypeLabel(option), source: 'set in Amazon Event Type' } : undefined;
  }
  const trimmed = name.trim();
  if (trimmed === '') return undefined;
  if (hasToken(trimmed)) return { label: 'Derived when sent', source: 'derived from the data element\u2019s value when the event is sent' };
  return { label: conversionTypeLabel(deriveConversionType(trimmed)), source: 'derived from the event name' };
}
