import { Content } from '@adobe/react-spectrum/Content';
import { Heading } from '@adobe/react-spectrum/Heading';
import { InlineAlert } from '@adobe/react-spectrum/InlineAlert';
import { Link } from '@adobe/react-spectrum/Link';
import { RegistryFields } from '../../../components/RegistryFields';
import { SectionBlock } from '../../../components/SectionBlock';
import { configurationFields, configurationSection } from '../../../form/registryLookup';
import { ACCOUNT } from './form';

const ADOBE_SECRETS_DOCS = 'https://experienceleague.adobe.com/en/docs/experience-platform/tags/event-forwarding/secrets';

export function AccountFields() {
  return (
    <SectionBlock section={configurationSection(ACCOUNT)}>
      <InlineAlert variant="info">
        <Heading>Keep credentials in Secrets</Heading>
        <Content>
          Create each credential as an event-forwarding Secret (type Token) in every environment, then a Core &ldquo;Secret&rdquo;
          data element that points at it, and pick that data element with the button next to the field. Tags then stores only
          the data element name, never the credential. <Link href={ADOBE_SECRETS_DOCS} target="_blank" rel="noopener noreferrer">About secrets</Link>
        </Content>
      </InlineAlert>
      <RegistryFields sectionId={ACCOUNT} fields={configurationFields(ACCOUNT)} />
    </SectionBlock>
  );
}
