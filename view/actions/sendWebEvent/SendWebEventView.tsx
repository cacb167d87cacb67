/** The action view "Send Amazon Web Events API Event", one block per registry section. */
import { ExtensionView } from '../../components/ExtensionView';
import { SEND_WEB_EVENT_FORMS } from './forms';
import { ConsentFields } from './sections/consent/Fields';
import { CustomAttributesFields } from './sections/customAttributes/Fields';
import { EventFields } from './sections/event/Fields';
import { PropertiesFields } from './sections/properties/Fields';
import { TestingFields } from './sections/testing/Fields';
import { UserFields } from './sections/user/Fields';

export function SendWebEventView() {
  return (
    <ExtensionView sections={SEND_WEB_EVENT_FORMS}>
      <EventFields />
      <UserFields />
      <PropertiesFields />
      <ConsentFields />
      <CustomAttributesFields />
      <TestingFields />
    </ExtensionView>
  );
}
