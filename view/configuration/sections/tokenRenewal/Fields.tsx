import { Switch } from '@adobe/react-spectrum/Switch';
import { RegistryFields } from '../../../components/RegistryFields';
import { SectionBlock } from '../../../components/SectionBlock';
import { configurationFields, configurationSection } from '../../../form/registryLookup';
import { useFieldController } from '../../../form/useFieldController';
import { RENEWAL_ENABLED, TOKEN_RENEWAL } from './form';

export function TokenRenewalFields() {
  const enabled = useFieldController(`${TOKEN_RENEWAL}.${RENEWAL_ENABLED}`);
  const section = configurationSection(TOKEN_RENEWAL);
  return (
    <SectionBlock section={section}>
      <Switch name={`${TOKEN_RENEWAL}.${RENEWAL_ENABLED}`} isSelected={enabled.value === true} onChange={enabled.onChange}>
        {section.label}
      </Switch>
      {enabled.value === true && <RegistryFields sectionId={TOKEN_RENEWAL} fields={configurationFields(TOKEN_RENEWAL)} />}
    </SectionBlock>
  );
}
