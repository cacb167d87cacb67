/**
 * The rows of one section, in registry order. A section can replace a field's row (the event name
 * combobox) or add a description (the derived event type) without retyping the field.
 */
import type { ReactNode } from 'react';
import type { FieldDefinition } from '../../src/fields/registry';
import { FieldRow } from './FieldRow';

export interface RegistryFieldsProps {
  readonly sectionId: string;
  readonly fields: readonly FieldDefinition[];
  readonly renderField?: (field: FieldDefinition, path: string) => ReactNode | undefined;
  readonly descriptions?: Readonly<Record<string, string | undefined>>;
}

export function RegistryFields({ sectionId, fields, renderField, descriptions }: RegistryFieldsProps) {
  return (
    <>
      {fields.map((field) => {
        const path = `${sectionId}.${field.key}`;
        const custom = renderField?.(field, path);
        return <div key={field.key}>{custom ?? <FieldRow field={field} path={path} description={descriptions?.[field.key]} />}</div>;
      })}
    </>
  );
}
