import { actionSectionForm } from '../actionSectionForm';

export const USER = 'user';
export const userForm = actionSectionForm(USER);
