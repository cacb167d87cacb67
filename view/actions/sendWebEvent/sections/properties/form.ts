import { actionSectionForm } from '../actionSectionForm';

export const PROPERTIES = 'properties';
export const propertiesForm = actionSectionForm(PROPERTIES);
