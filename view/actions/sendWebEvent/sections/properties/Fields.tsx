import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { PROPERTIES } from './form';

export function PropertiesFields() {
  return (
    <SectionBlock section={actionSection(PROPERTIES)}>
      <RegistryFields sectionId={PROPERTIES} fields={actionFields(PROPERTIES)} />
    </SectionBlock>
  );
}
