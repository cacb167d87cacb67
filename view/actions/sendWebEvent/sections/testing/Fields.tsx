import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { TESTING } from './form';

export function TestingFields() {
  return (
    <SectionBlock section={actionSection(TESTING)}>
      <RegistryFields sectionId={TESTING} fields={actionFields(TESTING)} />
    </SectionBlock>
  );
}
