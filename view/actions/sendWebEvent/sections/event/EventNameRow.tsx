/**
 * Event Name: a combobox of Amazon's standard events that also takes any name or a data element,
 * with the Amazon event type it maps to shown beside it.
 */
import { useWatch } from 'react-hook-form';
import { Badge } from '@adobe/react-spectrum/Badge';
import { ComboBox, Item } from '@adobe/react-spectrum/ComboBox';
import { Text } from '@adobe/react-spectrum/Text';
import { STANDARD_EVENT_NAMES } from '../../../../../src/event/eventType';
import { DataElementButton, withPickedToken } from '../../../../components/DataElementButton';
import { FieldFrame } from '../../../../components/FieldFrame';
import { fieldHelp } from '../../../../components/FieldHelp';
import { FIELD_WIDTH, type FieldRowProps } from '../../../../components/rowProps';
import type { FormValues } from '../../../../form/section';
import { textOf, useFieldController } from '../../../../form/useFieldController';
import { conversionTypeLabel, effectiveEventType } from './effectiveEventType';
import { EVENT } from './form';

export function EventNameRow({ field, path }: FieldRowProps) {
  const input = useFieldController(path);
  const name = textOf(input.value);
  const type = useWatch<FormValues>({ name: `${EVENT}.type` }) as unknown;
  const effective = effectiveEventType(name, typeof type === 'string' ? type : '');
  return (
    <FieldFrame path={path}>
      <ComboBox
        label={field.label}
        name={path}
        width={FIELD_WIDTH}
        isRequired={field.required === true}
        allowsCustomValue
        menuTrigger="focus"
        inputValue={name}
        onInputChange={(text) => input.onChange(text)}
        onBlur={input.onBlur}
        defaultItems={STANDARD_EVENT_NAMES}
        description={effective ? `${field.help} Amazon event type: ${effective.label} (${effective.source}).` : field.help}
        validationState={input.error ? 'invalid' : undefined}
        errorMessage={input.error}
        contextualHelp={fieldHelp(field)}
      >
        {(item) => (
          <Item key={item.name} textValue={item.name}>
            <Text>{item.name}</Text>
            <Text slot="description">{conversionTypeLabel(item.type)}</Text>
          </Item>
        )}
      </ComboBox>
      <DataElementButton label={field.label} onPick={(token) => input.onChange(withPickedToken(name, token, true))} />
      {effective && (
        <Badge variant="info" marginTop="size-300" aria-label={`Amazon event type: ${effective.label}`}>
          {effective.label}
        </Badge>
      )}
    </FieldFrame>
  );
}
