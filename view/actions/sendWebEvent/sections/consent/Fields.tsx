import { useFormState } from 'react-hook-form';
import { Content } from '@adobe/react-spectrum/Content';
import { Heading } from '@adobe/react-spectrum/Heading';
import { InlineAlert } from '@adobe/react-spectrum/InlineAlert';
import { SECTION_PROBLEM_ATTRIBUTE, useInitInfo } from '../../../../components/ExtensionView';
import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import type { FormValues } from '../../../../form/section';
import { CONSENT, isEuRegion } from './form';

export function ConsentFields() {
  const eu = isEuRegion(useInitInfo());
  const { errors } = useFormState<FormValues>();
  const euError = (errors[CONSENT] as Record<string, { message?: string } | undefined> | undefined)?.euConsent?.message;
  return (
    <SectionBlock section={actionSection(CONSENT)}>
      {euError !== undefined ? (
        <InlineAlert variant="negative" data-testid="eu-consent-error" {...{ [SECTION_PROBLEM_ATTRIBUTE]: true }}>
          <Heading>Consent signal needed</Heading>
          <Content>{euError}</Content>
        </InlineAlert>
      ) : (
        eu && (
          <InlineAlert variant="notice">
            <Heading>Europe region</Heading>
            <Content>This extension is configured for Amazon&rsquo;s Europe region: every event needs IP Address, Amazon consent, TCF or GPP.</Content>
          </InlineAlert>
        )
      )}
      <RegistryFields sectionId={CONSENT} fields={actionFields(CONSENT)} />
    </SectionBlock>
  );
}
