/**
 * react-hook-form's controller for a form path built from registry keys. Its name typing cannot
 * follow string keys, so the value comes back as the form's own value type.
 */
import { useController } from 'react-hook-form';
import type { FieldValue } from './formValues';
import type { FormValues } from './section';

export interface FieldControl {
  readonly value: FieldValue | undefined;
  readonly error: string | undefined;
  readonly onChange: (value: FieldValue) => void;
  readonly onBlur: () => void;
}

export function useFieldController(path: string): FieldControl {
  const { field, fieldState } = useController<FormValues>({ name: path });
  return {
    value: field.value as unknown as FieldValue | undefined,
    error: fieldState.error?.message,
    onChange: (value) => field.onChange(value),
    onBlur: field.onBlur
  };
}

/** The value as text ('' when it is not a string). */
export const textOf = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : '');
