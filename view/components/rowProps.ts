/** What every field row component takes, and the width the rows share. */
import type { FieldDefinition } from '../../src/fields/registry';

export interface FieldRowProps {
  readonly field: FieldDefinition;
  /** Form path of the value (`event.name`). */
  readonly path: string;
  /** Shown under the input instead of the registry help. */
  readonly description?: string;
}

export const FIELD_WIDTH = 'size-6000';
