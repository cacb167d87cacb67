/** API section: region and which Amazon API receives the events. */
import type { InitInfo } from '../../../bridge/extensionBridge';
import { registryInitValues, registrySettings, registryValidation } from '../../../form/registrySection';
import { configurationFields } from '../../../form/registryLookup';
import { savedObject, type SectionForm } from '../../../form/section';

export const API = 'api';
const fields = configurationFields(API);

export const apiForm: SectionForm = {
  id: API,
  getInitValues: (initInfo: InitInfo) => registryInitValues(fields, savedObject(initInfo.settings)),
  getSettings: (values) => registrySettings(fields, values[API]),
  validate: (values) => registryValidation(API, fields, values[API])
};
