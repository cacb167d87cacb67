import { actionSectionForm } from '../actionSectionForm';

export const EVENT = 'event';
export const eventForm = actionSectionForm(EVENT);
