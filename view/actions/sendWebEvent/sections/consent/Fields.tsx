import { Content } from '@adobe/react-spectrum/Content';
import { Heading } from '@adobe/react-spectrum/Heading';
import { InlineAlert } from '@adobe/react-spectrum/InlineAlert';
import { useInitInfo } from '../../../../components/ExtensionView';
import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { SectionProblem, useSectionProblem } from '../../../../components/SectionProblem';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { CONSENT, EU_CONSENT_ERROR, isEuRegion } from './form';

export function ConsentFields() {
  const eu = isEuRegion(useInitInfo());
  const euProblem = useSectionProblem(EU_CONSENT_ERROR);
  return (
    <SectionBlock section={actionSection(CONSENT)}>
      <SectionProblem path={EU_CONSENT_ERROR} heading="Consent signal needed" testId="eu-consent-error" />
      {eu && euProblem === undefined && (
        <InlineAlert variant="notice">
          <Heading>Europe region</Heading>
          <Content>This extension is configured for Amazon&rsquo;s Europe region: every event needs IP Address, Amazon consent, TCF or GPP.</Content>
        </InlineAlert>
      )}
      <RegistryFields sectionId={CONSENT} fields={actionFields(CONSENT)} />
    </SectionBlock>
  );
}
