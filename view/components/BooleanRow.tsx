/**
 * A boolean field: a switch, or, once a data element is picked, that token in a text input with
 * a button back to the switch.
 */
import { ActionButton } from '@adobe/react-spectrum/ActionButton';
import { Flex } from '@adobe/react-spectrum/Flex';
import { Switch } from '@adobe/react-spectrum/Switch';
import { Text } from '@adobe/react-spectrum/Text';
import { TextField } from '@adobe/react-spectrum/TextField';
import { useFieldController } from '../form/useFieldController';
import { DataElementButton } from './DataElementButton';
import { FieldFrame } from './FieldFrame';
import { FIELD_WIDTH, type FieldRowProps } from './rowProps';

const HELP_STYLE = { fontSize: 'var(--spectrum-global-dimension-font-size-75)', color: 'var(--spectrum-global-color-gray-700)' };

export function BooleanRow({ field, path, description }: FieldRowProps) {
  const input = useFieldController(path);
  const help = description ?? field.help;

  if (typeof input.value === 'string') {
    return (
      <FieldFrame path={path}>
        <TextField
          label={field.label}
          name={path}
          width={FIELD_WIDTH}
          value={input.value}
          onChange={input.onChange}
          onBlur={input.onBlur}
          description={help}
          validationState={input.error ? 'invalid' : undefined}
          errorMessage={input.error}
        />
        <DataElementButton label={field.label} onPick={(token) => input.onChange(token)} />
        <ActionButton marginTop="size-300" onPress={() => input.onChange(false)}>
          Use a switch
        </ActionButton>
      </FieldFrame>
    );
  }

  return (
    <FieldFrame path={path}>
      <Flex direction="column" width={FIELD_WIDTH}>
        <Switch name={path} isSelected={input.value === true} onChange={(selected) => input.onChange(selected)}>
          {field.label}
        </Switch>
        <Text UNSAFE_style={HELP_STYLE}>{help}</Text>
      </Flex>
      {field.dataElement && <DataElementButton label={field.label} onPick={(token) => input.onChange(token)} />}
    </FieldFrame>
  );
}
