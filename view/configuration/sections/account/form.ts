/** Account section: pixel code (data set), access token, advertiser ID, client ID. */
import type { InitInfo } from '../../../bridge/extensionBridge';
import { registryInitValues, registrySettings, registryValidation } from '../../../form/registrySection';
import { configurationFields } from '../../../form/registryLookup';
import { savedObject, type SectionForm } from '../../../form/section';
import { renewalEnabled } from '../tokenRenewal/form';

export const ACCOUNT = 'account';
const fields = configurationFields(ACCOUNT);

export const accountForm: SectionForm = {
  id: ACCOUNT,
  getInitValues: (initInfo: InitInfo) => registryInitValues(fields, savedObject(initInfo.settings)),
  getSettings: (values) => registrySettings(fields, values[ACCOUNT]),
  validate(values) {
    const errors = registryValidation(ACCOUNT, fields, values[ACCOUNT]);
    const accessToken = values[ACCOUNT]?.accessToken;
    // The access token is optional only when the library can mint one (checked in that section).
    if ((typeof accessToken !== 'string' || accessToken.trim() === '') && !renewalEnabled(values)) {
      errors[`${ACCOUNT}.accessToken`] =
        'Pick the Core Secret data element that holds the access token, or turn on automatic token renewal below.';
    }
    return errors;
  }
};
