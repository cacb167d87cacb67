/** The action view's sections, in display order (also used by tests without rendering). */
import type { SectionForm } from '../../form/section';
import { consentForm } from './sections/consent/form';
import { customAttributesForm } from './sections/customAttributes/form';
import { eventForm } from './sections/event/form';
import { propertiesForm } from './sections/properties/form';
import { testingForm } from './sections/testing/form';
import { userForm } from './sections/user/form';

export const SEND_WEB_EVENT_FORMS: readonly SectionForm[] = [
  eventForm,
  userForm,
  propertiesForm,
  consentForm,
  customAttributesForm,
  testingForm
];
