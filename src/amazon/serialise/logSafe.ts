/**
 * The log-safe copy of an event: what traces, logs and the dry-run summary show. Hashed match keys
 * stay (they are what a user checks against Amazon); values Amazon needs raw are masked: the IP
 * address keeps its network part, raw identifiers (MATCH_ID, MAID, RAMP_ID) their last 4 characters.
 */
import type { CanonicalEvent } from '../../event/canonicalEvent';
import type { MatchKeyType } from '../endpoints';

const RAW_MATCH_KEYS: ReadonlySet<MatchKeyType> = new Set(['MATCH_ID', 'MAID', 'RAMP_ID']);

/** `203.0.113.7` → `203.0.x.x`; `2001:db8::1` → `2001:db8:x:x:x:x:x:x`. */
export function maskIpAddress(ip: string): string {
  if (!ip.includes(':')) return ip.split('.').slice(0, 2).concat('x', 'x').join('.');
  const [head = '', tail] = ip.split('::');
  const groups = head === '' ? [] : head.split(':');
  // With "::" right after the first group, the second group is zero.
  const first = groups[0] ?? '0';
  const second = groups[1] ?? (tail === undefined ? 'x' : '0');
  return [first, second, 'x', 'x', 'x', 'x', 'x', 'x'].join(':');
}

/** `*****0123`, or `*****` alone when the value is too short to show any of it. */
export function maskIdentifier(value: string): string {
  return value.length > 8 ? `*****${value.slice(-4)}` : '*****';
}

export function maskEvent(event: CanonicalEvent): CanonicalEvent {
  const ipAddress = event.consent?.geo?.ipAddress;
  return {
    ...event,
    matchKeys: event.matchKeys.map((key) => (RAW_MATCH_KEYS.has(key.type) ? { ...key, value: maskIdentifier(key.value) } : key)),
    ...(event.consent !== undefined && ipAddress !== undefined
      ? { consent: { ...event.consent, geo: { ipAddress: maskIpAddress(ipAddress) } } }
      : {})
  };
}
