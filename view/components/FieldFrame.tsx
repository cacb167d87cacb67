/** One form row: the input and its data element button, tagged with the field's form path. */
import type { ReactNode } from 'react';
import { Flex } from '@adobe/react-spectrum/Flex';

export function FieldFrame({ path, children }: { readonly path: string; readonly children: ReactNode }) {
  return (
    <div data-field-path={path}>
      <Flex gap="size-100" alignItems="start">
        {children}
      </Flex>
    </div>
  );
}
