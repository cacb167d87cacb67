/**
 * Consent signals sent with an event: the IP address (geographic consent), Amazon's own consent
 * pair, the IAB TCF and GPP strings. The EU region needs at least one (DESIGN §4).
 */
import type { ConsentValue, Region } from '../amazon/endpoints';
import type { ConsentSettings } from '../settings/types';
import { normaliseIpAddress } from './identifiers';

export interface Consent {
  readonly geo?: { readonly ipAddress: string };
  readonly amazonConsent?: { readonly amznUserData: ConsentValue; readonly amznAdStorage?: ConsentValue };
  readonly tcf?: string;
  readonly gpp?: string;
}

export interface ConsentResult {
  readonly consent?: Consent;
  readonly warnings: readonly string[];
  /** Why the event may not be sent, when the region requires a consent signal and none is present. */
  readonly problem?: { readonly path: string; readonly reason: string };
}

export function buildConsent(ipAddress: string | undefined, settings: ConsentSettings, region: Region): ConsentResult {
  const warnings: string[] = [];
  const ip = ipAddress === undefined ? undefined : normaliseIpAddress(ipAddress);
  if (ipAddress !== undefined && ip === undefined) {
    warnings.push('user.ipAddress was not sent: it is not a valid IPv4 or IPv6 address.');
  }
  if (settings.amznAdStorage !== undefined && settings.amznUserData === undefined) {
    warnings.push('consent.amznAdStorage was not sent: Amazon accepts it only together with consent.amznUserData.');
  }
  const consent: Consent = {
    ...(ip !== undefined ? { geo: { ipAddress: ip } } : {}),
    ...(settings.amznUserData !== undefined
      ? {
          amazonConsent: {
            amznUserData: settings.amznUserData,
            ...(settings.amznAdStorage !== undefined ? { amznAdStorage: settings.amznAdStorage } : {})
          }
        }
      : {}),
    ...(settings.tcf !== undefined ? { tcf: settings.tcf } : {}),
    ...(settings.gpp !== undefined ? { gpp: settings.gpp } : {})
  };
  const empty = Object.keys(consent).length === 0;
  const problem =
    region === 'EU' && empty
      ? {
          path: 'consent',
          reason:
            'needs at least one signal for the EU region: a valid user.ipAddress, consent.amznUserData, consent.tcf or consent.gpp'
        }
      : undefined;
  return { ...(empty ? {} : { consent }), warnings, ...(problem ? { problem } : {}) };
}
