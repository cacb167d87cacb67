/** The action view "Send Amazon Web Events API Event", one block per registry section. */
import { ExtensionView } from '../../components/ExtensionView';
import type { SectionForm } from '../../form/section';
import { ConsentFields } from './sections/consent/Fields';
import { consentForm } from './sections/consent/form';
import { CustomAttributesFields } from './sections/customAttributes/Fields';
import { customAttributesForm } from './sections/customAttributes/form';
import { EventFields } from './sections/event/Fields';
import { eventForm } from './sections/event/form';
import { PropertiesFields } from './sections/properties/Fields';
import { propertiesForm } from './sections/properties/form';
import { TestingFields } from './sections/testing/Fields';
import { testingForm } from './sections/testing/form';
import { UserFields } from './sections/user/Fields';
import { userForm } from './sections/user/form';

export const SEND_WEB_EVENT_FORMS: readonly SectionForm[] = [
  eventForm,
  userForm,
  propertiesForm,
  consentForm,
  customAttributesForm,
  testingForm
];

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
