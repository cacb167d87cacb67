/** Registry lookups by section, typed for the views. */
import {
  ACTION_FIELDS,
  ACTION_SECTIONS,
  CONFIGURATION_FIELDS,
  CONFIGURATION_SECTIONS,
  type FieldDefinition,
  type SectionDefinition
} from '../../src/fields/registry';

type ConfigurationSectionId = (typeof CONFIGURATION_SECTIONS)[number]['id'];
type ActionSectionId = (typeof ACTION_SECTIONS)[number]['id'];

function findSection(sections: readonly SectionDefinition[], id: string): SectionDefinition {
  const section = sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`The field registry has no section "${id}".`);
  return section;
}

export const configurationSection = (id: ConfigurationSectionId): SectionDefinition => findSection(CONFIGURATION_SECTIONS, id);
export const actionSection = (id: ActionSectionId): SectionDefinition => findSection(ACTION_SECTIONS, id);

export const configurationFields = (id: ConfigurationSectionId): readonly FieldDefinition[] =>
  CONFIGURATION_FIELDS.filter((field) => field.section === id);
export const actionFields = (id: ActionSectionId): readonly FieldDefinition[] => ACTION_FIELDS.filter((field) => field.section === id);

export function fieldByKey(fields: readonly FieldDefinition[], key: string): FieldDefinition {
  const field = fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`The field registry has no field "${key}".`);
  return field;
}
