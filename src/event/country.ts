/** The event's country: the Country Code setting (code or locale), else the XDM event's geo country. */
import { CHECK_MESSAGES } from '../fields/checks';
import { hintClause, type SettingsProblem } from '../settings/problems';
import { normaliseCountryCode } from './identifiers';
import { readOwnText } from './xdm';

export type CountryResult = { readonly countryCode: string } | { readonly problem: SettingsProblem };

const PATH = 'event.countryCode';
const hint = (): string => hintClause(CHECK_MESSAGES.countryCode);

export function resolveCountryCode(setting: string | undefined, xdm: unknown): CountryResult {
  if (setting !== undefined) {
    const countryCode = normaliseCountryCode(setting);
    return countryCode === undefined ? { problem: { path: PATH, reason: `is not valid: ${hint()}` } } : { countryCode };
  }
  const fromXdm = readOwnText(xdm, ['placeContext', 'geo', 'countryCode']);
  const countryCode = fromXdm === undefined ? undefined : normaliseCountryCode(fromXdm);
  if (countryCode !== undefined) return { countryCode };
  return {
    problem: {
      path: PATH,
      reason: `is required: it is empty and the XDM event has no valid placeContext.geo.countryCode (${hint()})`
    }
  };
}
