/** The input for one registry field, chosen by its kind. */
import { AttributesRow } from './AttributesRow';
import { BooleanRow } from './BooleanRow';
import { EnumRow } from './EnumRow';
import type { FieldRowProps } from './rowProps';
import { TextRow } from './TextRow';

export function FieldRow(props: FieldRowProps) {
  switch (props.field.kind) {
    case 'enum':
      return <EnumRow {...props} />;
    case 'boolean':
      return <BooleanRow {...props} />;
    case 'attributes':
      return <AttributesRow {...props} />;
    default:
      return <TextRow {...props} />;
  }
}
