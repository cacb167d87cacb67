/**
 * An enum field. Without data element support it is a picker; with it, a combobox that offers the
 * options and also takes a `{{data element}}` token (saved as typed; the option's value otherwise).
 */
import { ComboBox, Item } from '@adobe/react-spectrum/ComboBox';
import { Picker } from '@adobe/react-spectrum/Picker';
import { textOf, useFieldController } from '../form/useFieldController';
import { DataElementButton } from './DataElementButton';
import { FieldFrame } from './FieldFrame';
import { fieldHelp } from './FieldHelp';
import { FIELD_WIDTH, type FieldRowProps } from './rowProps';

export function EnumRow({ field, path, description }: FieldRowProps) {
  const input = useFieldController(path);
  const value = textOf(input.value);
  const options = field.options ?? [];
  const selected = options.find((option) => option.value === value);
  const common = {
    label: field.label,
    name: path,
    width: FIELD_WIDTH,
    isRequired: field.required === true,
    description: description ?? field.help,
    validationState: input.error ? ('invalid' as const) : undefined,
    errorMessage: input.error,
    contextualHelp: fieldHelp(field),
    onBlur: input.onBlur
  };

  if (!field.dataElement) {
    return (
      <FieldFrame path={path}>
        <Picker {...common} selectedKey={selected?.value ?? null} onSelectionChange={(key) => input.onChange(key === null ? '' : String(key))}>
          {options.map((option) => (
            <Item key={option.value}>{option.label}</Item>
          ))}
        </Picker>
      </FieldFrame>
    );
  }

  return (
    <FieldFrame path={path}>
      <ComboBox
        {...common}
        allowsCustomValue
        menuTrigger="focus"
        inputValue={selected?.label ?? value}
        selectedKey={selected?.value ?? null}
        onInputChange={(text) => {
          // Typing an option's label selects that option; anything else (a token) is kept as typed.
          input.onChange(options.find((option) => option.label === text)?.value ?? text);
        }}
        onSelectionChange={(key) => {
          if (key !== null) input.onChange(String(key));
        }}
      >
        {options.map((option) => (
          <Item key={option.value}>{option.label}</Item>
        ))}
      </ComboBox>
      <DataElementButton label={field.label} onPick={(token) => input.onChange(token)} />
    </FieldFrame>
  );
}
