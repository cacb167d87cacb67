import { actionSectionForm } from '../actionSectionForm';

/** The registry calls the Testing section "options"; its one field, dryRun, is saved at the top level. */
export const TESTING = 'options';
export const testingForm = actionSectionForm(TESTING);
