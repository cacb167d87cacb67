/** The extension configuration view: Amazon account, API and optional token renewal. */
import { ExtensionView } from '../components/ExtensionView';
import { CONFIGURATION_FORMS } from './forms';
import { AccountFields } from './sections/account/Fields';
import { ApiFields } from './sections/api/Fields';
import { TokenRenewalFields } from './sections/tokenRenewal/Fields';

export function ConfigurationView() {
  return (
    <ExtensionView sections={CONFIGURATION_FORMS}>
      <AccountFields />
      <ApiFields />
      <TokenRenewalFields />
    </ExtensionView>
  );
}
