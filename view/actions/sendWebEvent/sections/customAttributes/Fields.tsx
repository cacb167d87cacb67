import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { CUSTOM_ATTRIBUTES } from './form';

export function CustomAttributesFields() {
  return (
    <SectionBlock section={actionSection(CUSTOM_ATTRIBUTES)}>
      <RegistryFields sectionId={CUSTOM_ATTRIBUTES} fields={actionFields(CUSTOM_ATTRIBUTES)} />
    </SectionBlock>
  );
}
