import { RegistryFields } from '../../../../components/RegistryFields';
import { SectionBlock } from '../../../../components/SectionBlock';
import { actionFields, actionSection } from '../../../../form/registryLookup';
import { EventNameRow } from './EventNameRow';
import { EVENT } from './form';

export function EventFields() {
  return (
    <SectionBlock section={actionSection(EVENT)}>
      <RegistryFields
        sectionId={EVENT}
        fields={actionFields(EVENT)}
        renderField={(field, path) => (field.key === 'name' ? <EventNameRow field={field} path={path} /> : undefined)}
      />
    </SectionBlock>
  );
}
