import { RegistryFields } from '../../../components/RegistryFields';
import { SectionBlock } from '../../../components/SectionBlock';
import { configurationFields, configurationSection } from '../../../form/registryLookup';
import { API } from './form';

export function ApiFields() {
  return (
    <SectionBlock section={configurationSection(API)}>
      <RegistryFields sectionId={API} fields={configurationFields(API)} />
    </SectionBlock>
  );
}
