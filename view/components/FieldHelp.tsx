/** The "?" popover next to a field's label with a link to Amazon's documentation. */
import { ContextualHelp } from '@adobe/react-spectrum/ContextualHelp';
import { Content } from '@adobe/react-spectrum/Content';
import { Footer } from '@adobe/react-spectrum/Footer';
import { Heading } from '@adobe/react-spectrum/Heading';
import { Link } from '@adobe/react-spectrum/Link';
import { Text } from '@adobe/react-spectrum/Text';
import type { FieldDefinition } from '../../src/fields/registry';

export function fieldHelp(field: FieldDefinition) {
  if (field.docUrl === undefined) return undefined;
  return (
    <ContextualHelp variant="info">
      <Heading>{field.label}</Heading>
      <Content>
        <Text>{field.help}</Text>
      </Content>
      <Footer>
        <Link href={field.docUrl} target="_blank" rel="noopener noreferrer">
          Amazon Ads documentation
        </Link>
      </Footer>
    </ContextualHelp>
  );
}
