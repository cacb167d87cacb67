/**
 * User context → Amazon match keys (DESIGN §4): normalise each value by its type, SHA-256 the
 * hashed types (all in parallel), pass already-hashed values through lower-cased, skip values that
 * are empty after normalising, and drop invalid ones with a warning that names the field only.
 */
import { MATCH_KEY_TYPES, type ApiName, type MatchKeyType } from '../amazon/endpoints';
import { ACTION_FIELDS } from '../fields/registry';
import type { UserSettings } from '../settings/types';
import { normaliseEmail, normaliseMatchId, normalisePhone } from './identifiers';
import { isSha256Hex, sha256Hex } from './sha256';

export interface MatchKey {
  readonly type: MatchKeyType;
  /** Lower-case SHA-256 hex for hashed types; the raw identifier for MATCH_ID, MAID and RAMP_ID. */
  readonly value: string;
}

/** Normalised, or `''` when nothing is left (skipped silently), or an Invalid (dropped, warned). */
class Invalid {
  constructor(readonly reason: string) {}
}
type Normalised = string | Invalid;

/** Lower-case, accents removed (NFD), then only a–z and 0–9: `José` → `jose`, `123 Main St.` → `123mainst`. */
export function normaliseNamePart(value: string): string {
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Lower-case without white space: `H0H 0H0` → `h0h0h0`. */
export function normalisePostalCode(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '');
}

function phoneForApi(value: string, api: ApiName): Normalised {
  // Only separators and "+" (for instance "+++" or "( )"): nothing to match on, like an empty value.
  if (value.replace(/[\s\-.()+]/g, '') === '') return '';
  const e164 = normalisePhone(value);
  if (e164 === undefined) return new Invalid('is not a phone number in E.164 form (+ and the country code)');
  // Amazon's Events API hashes "+digits"; the v1 API (and Segment's production code) digits only.
  return api === 'events' ? e164 : e164.slice(1);
}

interface MatchKeyRule {
  readonly type: MatchKeyType;
  readonly normalise: (value: string, api: ApiName) => Normalised;
}

const RULES: Readonly<Record<Exclude<keyof UserSettings, 'ipAddress'>, MatchKeyRule>> = {
  email: {
    type: 'EMAIL',
    normalise: (value) => normaliseEmail(value) ?? new Invalid('is not a valid email address')
  },
  phone: { type: 'PHONE', normalise: phoneForApi },
  firstName: { type: 'FIRST_NAME', normalise: normaliseNamePart },
  lastName: { type: 'LAST_NAME', normalise: normaliseNamePart },
  address: { type: 'ADDRESS', normalise: normaliseNamePart },
  city: { type: 'CITY', normalise: normaliseNamePart },
  state: { type: 'STATE', normalise: normaliseNamePart },
  postalCode: { type: 'POSTAL', normalise: normalisePostalCode },
  externalId: {
    type: 'MATCH_ID',
    normalise: (value) =>
      normaliseMatchId(value) ?? new Invalid('is not a valid match ID (letters, digits, "_" and "-", 100 characters at most)')
  },
  maid: { type: 'MAID', normalise: (value) => value.trim() },
  rampId: { type: 'RAMP_ID', normalise: (value) => value.trim() }
};

/** Whether the registry marks a user field as normalised and hashed before sending. */
const HASHED_FIELDS: ReadonlySet<string> = new Set(
  ACTION_FIELDS.filter((field) => field.section === 'user' && 'hashed' in field && field.hashed).map((field) => field.key)
);

export interface MatchKeyResult {
  readonly matchKeys: readonly MatchKey[];
  /** Fields whose value was invalid and not sent (paths like `user.email`). */
  readonly dropped: readonly string[];
  readonly warnings: readonly string[];
}

export async function buildMatchKeys(user: UserSettings, api: ApiName): Promise<MatchKeyResult> {
  const warnings: string[] = [];
  const dropped: string[] = [];
  const pending: Array<Promise<MatchKey>> = [];
  for (const [key, rule] of Object.entries(RULES) as Array<[keyof typeof RULES, MatchKeyRule]>) {
    const raw = user[key];
    if (raw === undefined) continue;
    const hashed = HASHED_FIELDS.has(key);
    if (hashed && isSha256Hex(raw.trim())) {
      pending.push(Promise.resolve({ type: rule.type, value: raw.trim().toLowerCase() }));
      continue;
    }
    const normalised = rule.normalise(raw, api);
    if (normalised instanceof Invalid) {
      dropped.push(`user.${key}`);
      warnings.push(`user.${key} was not sent: it ${normalised.reason}.`);
      continue;
    }
    if (normalised === '') continue;
    pending.push(hashed ? sha256Hex(normalised).then((value) => ({ type: rule.type, value })) : Promise.resolve({ type: rule.type, value: normalised }));
  }
  const matchKeys = (await Promise.all(pending)).sort(
    (a, b) => MATCH_KEY_TYPES.indexOf(a.type) - MATCH_KEY_TYPES.indexOf(b.type)
  );
  return { matchKeys, dropped, warnings };
}
