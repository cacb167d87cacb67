/** The configuration view's sections, in display order (also used by tests without rendering). */
import type { SectionForm } from '../form/section';
import { accountForm } from './sections/account/form';
import { apiForm } from './sections/api/form';
import { tokenRenewalForm } from './sections/tokenRenewal/form';

export const CONFIGURATION_FORMS: readonly SectionForm[] = [accountForm, apiForm, tokenRenewalForm];
