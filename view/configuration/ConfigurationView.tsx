/** The extension configuration view: Amazon account, API and optional token renewal. */
import { ExtensionView } from '../components/ExtensionView';
import type { SectionForm } from '../form/section';
import { AccountFields } from './sections/account/Fields';
import { accountForm } from './sections/account/form';
import { ApiFields } from './sections/api/Fields';
import { apiForm } from './sections/api/form';
import { TokenRenewalFields } from './sections/tokenRenewal/Fields';
import { tokenRenewalForm } from './sections/tokenRenewal/form';

export const CONFIGURATION_FORMS: readonly SectionForm[] = [accountForm, apiForm, tokenRenewalForm];

export function ConfigurationView() {
  return (
    <ExtensionView sections={CONFIGURATION_FORMS}>
      <AccountFields />
      <ApiFields />
      <TokenRenewalFields />
    </ExtensionView>
  );
}
