/**
 * The generic form of an action section whose rows are registry fields. Sections in
 * NESTED_ACTION_SECTIONS save under their own key (`event: {name, …}`); the others save their
 * fields at the top level (`customAttributes`, `dryRun`), as the manifest schema expects.
 */
import { NESTED_ACTION_SECTIONS, type ACTION_SECTIONS } from '../../../../src/fields/registry';
import type { InitInfo } from '../../../bridge/extensionBridge';
import type { ErrorMap } from '../../../form/errors';
import { registryInitValues, registrySettings, registryValidation } from '../../../form/registrySection';
import { actionFields } from '../../../form/registryLookup';
import { savedObject, type FormValues, type SectionForm } from '../../../form/section';

type ActionSectionId = (typeof ACTION_SECTIONS)[number]['id'];

export function actionSectionForm(
  id: ActionSectionId,
  extraValidation: (values: FormValues, initInfo: InitInfo) => ErrorMap = () => ({})
): SectionForm {
  const fields = actionFields(id);
  const nested = (NESTED_ACTION_SECTIONS as readonly string[]).includes(id);
  const savedSection = (initInfo: InitInfo) => {
    const settings = savedObject(initInfo.settings);
    return nested ? savedObject(settings[id]) : settings;
  };
  return {
    id,
    getInitValues: (initInfo) => registryInitValues(fields, savedSection(initInfo)),
    getSettings(values) {
      const settings = registrySettings(fields, values[id]);
      if (!nested) return settings;
      return Object.keys(settings).length > 0 ? { [id]: settings } : {};
    },
    validate: (values, initInfo) => ({ ...registryValidation(id, fields, values[id]), ...extraValidation(values, initInfo) })
  };
}
