/** A titled form section with its description, as in Adobe's extension views. */
import type { ReactNode } from 'react';
import { Divider } from '@adobe/react-spectrum/Divider';
import { Flex } from '@adobe/react-spectrum/Flex';
import { Heading } from '@adobe/react-spectrum/Heading';
import { Text } from '@adobe/react-spectrum/Text';
import type { SectionDefinition } from '../../src/fields/registry';

export function SectionBlock({ section, children }: { readonly section: SectionDefinition; readonly children: ReactNode }) {
  return (
    <section aria-labelledby={`section-${section.id}`} data-section={section.id}>
      <Flex direction="column" gap="size-150">
        <Heading level={2} id={`section-${section.id}`} marginBottom="size-0">
          {section.label}
        </Heading>
        <Divider size="M" />
        <Text>{section.description}</Text>
        {children}
      </Flex>
    </section>
  );
}
