/**
 * The secrets and raw personal values one engine harness run was given, on top of the suite's
 * fixed list: every env value (secrets by definition), literal secret fields of the extension
 * configuration, and the action's user fields — literal, or a whole `{{token}}` of a Core Path data
 * element, read from the event the way the engine resolves it.
 */
import { CORE_PATH_MODULE, SEND_WEB_EVENT_MODULE } from '../../scripts/engine/property';
import type { ObservedRun } from '../../scripts/engine/runObservers';
import type { SensitiveKind, SensitiveValue } from './sensitiveValues';

const SECRET_SETTINGS = ['accessToken', 'refreshToken', 'clientSecret'] as const;
/** Hashed match key fields, and the raw ids and IP address the logs must mask. */
const USER_FIELDS: Readonly<Record<string, SensitiveKind>> = {
  email: 'personal',
  phone: 'personal',
  firstName: 'personal',
  lastName: 'personal',
  address: 'personal',
  externalId: 'personal',
  maid: 'personal',
  rampId: 'personal',
  ipAddress: 'ip-address'
};
/** Shorter values (a state "WA", a first name "Jo") would match unrelated text. */
const MIN_LENGTH = 6;
const WHOLE_TOKEN = /^\{\{([^{}]+)\}\}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPath(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined), root);
}

/** A setting's value as the engine resolves it, when that can be known without running it. */
function resolved(setting: unknown, observed: ObservedRun): unknown {
  if (typeof setting !== 'string') return setting;
  const name = WHOLE_TOKEN.exec(setting)?.[1];
  if (name === undefined) return setting.includes('{{') ? undefined : setting;
  const dataElement = observed.property.dataElements[name];
  const path = dataElement?.modulePath === CORE_PATH_MODULE ? dataElement.settings?.path : undefined;
  if (typeof path !== 'string') return undefined;
  return readPath({ arc: { event: { xdm: observed.request.body.xdm ?? {}, data: observed.request.body.data ?? {} } } }, path);
}

function sensitive(label: string, kind: SensitiveKind, value: unknown): SensitiveValue[] {
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  if (trimmed.length < MIN_LENGTH || SHA256_HEX.test(trimmed)) return [];
  return [{ label, kind, value: trimmed }];
}

export function valuesGivenToRun(observed: ObservedRun): SensitiveValue[] {
  const values = Object.entries(observed.env).flatMap(([secretId, value]) => sensitive(`secret ${secretId}`, 'secret', value));
  for (const extension of Object.values(observed.property.extensions)) {
    for (const key of SECRET_SETTINGS) values.push(...sensitive(`extension setting ${key}`, 'secret', resolved(extension.settings[key], observed)));
  }
  for (const rule of observed.property.rules) {
    for (const action of rule.actions) {
      if (action.modulePath !== SEND_WEB_EVENT_MODULE) continue;
      const user = action.settings?.user;
      if (!isRecord(user)) continue;
      for (const [field, kind] of Object.entries(USER_FIELDS)) values.push(...sensitive(`user.${field}`, kind, resolved(user[field], observed)));
    }
  }
  return values;
}
