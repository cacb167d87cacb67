/**
 * Custom attributes: repeatable name/value rows (at most Amazon's 13), or one data element that
 * returns the whole list.
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { ActionButton } from '@adobe/react-spectrum/ActionButton';
import { Flex } from '@adobe/react-spectrum/Flex';
import { Item, Picker } from '@adobe/react-spectrum/Picker';
import { Radio, RadioGroup } from '@adobe/react-spectrum/RadioGroup';
import { Text } from '@adobe/react-spectrum/Text';
import { TextField } from '@adobe/react-spectrum/TextField';
import Add from '@spectrum-icons/workflow/Add';
import Delete from '@spectrum-icons/workflow/Delete';
import { MAX_CUSTOM_ATTRIBUTES } from '../../src/amazon/endpoints';
import { ATTRIBUTE_DATA_TYPES, emptyAttributeRow, type AttributesValue } from '../form/formValues';
import type { FormValues } from '../form/section';
import { textOf, useFieldController } from '../form/useFieldController';
import { DataElementButton, withPickedToken } from './DataElementButton';
import { FieldFrame } from './FieldFrame';
import { FIELD_WIDTH, type FieldRowProps } from './rowProps';

/** Picker key for "no data type saved" (collection keys cannot be empty). */
const AUTOMATIC = 'AUTOMATIC';
const DATA_TYPE_LABELS: Record<string, string> = { [AUTOMATIC]: 'Automatic', STRING: 'String', INTEGER: 'Integer', TIMESTAMP: 'Timestamp' };

function TokenInput({ path, label, width, append }: { path: string; label: string; width: string; append: boolean }) {
  const input = useFieldController(path);
  const value = textOf(input.value);
  return (
    <FieldFrame path={path}>
      <TextField
        label={label}
        name={path}
        autoComplete="off"
        width={width}
        value={value}
        onChange={input.onChange}
        onBlur={input.onBlur}
        validationState={input.error ? 'invalid' : undefined}
        errorMessage={input.error}
      />
      <DataElementButton label={label} onPick={(token) => input.onChange(withPickedToken(value, token, append))} />
    </FieldFrame>
  );
}

function DataTypePicker({ path, label }: { path: string; label: string }) {
  const input = useFieldController(path);
  return (
    <Picker
      label={label}
      name={path}
      width="size-1600"
      selectedKey={textOf(input.value) || AUTOMATIC}
      onSelectionChange={(key) => input.onChange(key === null || key === AUTOMATIC ? '' : String(key))}
    >
      {[AUTOMATIC, ...ATTRIBUTE_DATA_TYPES].map((type) => (
        <Item key={type}>{DATA_TYPE_LABELS[type]}</Item>
      ))}
    </Picker>
  );
}

export function AttributesRow({ field, path }: FieldRowProps) {
  const { watch, setValue } = useFormContext<FormValues>();
  const mode = (watch(path as `${string}.${string}`) as AttributesValue | undefined)?.mode ?? 'rows';
  const rowsPath = `${path}.rows` as `${string}.${string}`;
  // react-hook-form's name typing cannot follow the registry's string keys; the paths are built from it.
  const { fields: rows, append, remove } = useFieldArray<FormValues>({ name: rowsPath as never });

  return (
    <div data-field-path={path}>
      <Flex direction="column" gap="size-100">
        <RadioGroup
          label={field.label}
          orientation="horizontal"
          value={mode}
          onChange={(next) => setValue(`${path}.mode` as `${string}.${string}`, next as AttributesValue['mode'], { shouldDirty: true })}
          description={field.help}
        >
          <Radio value="rows">Enter name/value rows</Radio>
          <Radio value="dataElement">Use one data element</Radio>
        </RadioGroup>
        {mode === 'dataElement' ? (
          <TokenInput path={`${path}.dataElement`} label="Data element returning [{name, value}]" width={FIELD_WIDTH} append={false} />
        ) : (
          <>
            {rows.map((row, index) => (
              <Flex key={row.id} gap="size-200" alignItems="start" wrap>
                <TokenInput path={`${rowsPath}.${index}.name`} label={`Attribute ${index + 1} name`} width="size-2400" append />
                <TokenInput path={`${rowsPath}.${index}.value`} label={`Attribute ${index + 1} value`} width="size-3000" append />
                <DataTypePicker path={`${rowsPath}.${index}.dataType`} label={`Attribute ${index + 1} data type`} />
                <ActionButton aria-label={`Remove attribute ${index + 1}`} marginTop="size-300" isQuiet onPress={() => remove(index)}>
                  <Delete />
                </ActionButton>
              </Flex>
            ))}
            <Flex gap="size-150" alignItems="center">
              <ActionButton isDisabled={rows.length >= MAX_CUSTOM_ATTRIBUTES} onPress={() => append(emptyAttributeRow())}>
                <Add />
                <Text>Add attribute</Text>
              </ActionButton>
              <Text>
                {rows.length} of {MAX_CUSTOM_ATTRIBUTES}
              </Text>
            </Flex>
          </>
        )}
      </Flex>
    </div>
  );
}
