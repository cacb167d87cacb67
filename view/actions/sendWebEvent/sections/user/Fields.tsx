import { Content } from '@adobe/react-spectrum/Content';
import { Heading } from '@adobe/react-spectrum/Heading';
import { InlineAlert } from '@adobe/react-spectrum/InlineAlert';
import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { SectionProblem } from '../../../../components/SectionProblem';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { MATCH_KEY_ERROR, USER } from './form';

const fields = actionFields(USER);
const listOf = (labels: string[]): string => labels.join(', ');
const hashed = listOf(fields.filter((field) => field.hashed).map((field) => field.label));
const sentRaw = listOf(fields.filter((field) => field.personal && !field.hashed).map((field) => field.label));

export function UserFields() {
  return (
    <SectionBlock section={actionSection(USER)}>
      <InlineAlert variant="info">
        <Heading>Hashed for you</Heading>
        <Content>
          {hashed} are normalised and SHA-256 hashed before they leave Adobe&rsquo;s edge; do not hash them yourself (values
          that already are SHA-256 hashes are sent as they are). {sentRaw} are sent unhashed, as Amazon requires, and are
          masked in logs. User Agent, Cookie ID, Amazon Click ID, Page URL and Page Referrer URL are not offered: Amazon&rsquo;s
          Events API has no place for them.
        </Content>
      </InlineAlert>
      <SectionProblem path={MATCH_KEY_ERROR} heading="Match key needed" testId="match-key-error" />
      <RegistryFields sectionId={USER} fields={fields} />
    </SectionBlock>
  );
}
