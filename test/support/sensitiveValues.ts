/**
 * The fake secrets and raw personal values the test suite feeds the extension. None of them may
 * show up in what the extension logs, throws or returns (DESIGN §6); the leak scan
 * (./leakScanner.ts) looks for every one of them, case-insensitively, in every recorded line.
 * Values are fragments where fixtures vary a suffix ("Atzr|fake-refresh-token", "Atzr|fake").
 */

export type SensitiveKind = 'secret' | 'personal' | 'ip-address';

export interface SensitiveValue {
  /** What the value is, for the leak report (the value itself is never printed). */
  label: string;
  kind: SensitiveKind;
  value: string;
}

export const FAKE_ACCESS_TOKEN = 'Atza|fake-access-token';
export const FAKE_REFRESH_TOKEN = 'Atzr|fake-refresh-token';
export const FAKE_CLIENT_SECRET = 'fake-client-secret-0000';
export const FAKE_EMAIL = 'user@example.com';
export const FAKE_PHONE = '+15555550100';
export const FAKE_IPV4 = '203.0.113.7';
export const FAKE_IPV6 = '2001:db8::7';

/** Raw values every test file's recorded lines are checked against. */
export const SUITE_SENSITIVE_VALUES: readonly SensitiveValue[] = [
  { label: 'access token', kind: 'secret', value: 'Atza|fake' },
  { label: 'access token minted by the stand-in', kind: 'secret', value: 'Atza|stand-in-' },
  { label: 'access token minted by a fake token endpoint', kind: 'secret', value: 'Atza|minted' },
  { label: 'refresh token', kind: 'secret', value: 'Atzr|' },
  { label: 'client secret', kind: 'secret', value: 'fake-client-secret' },
  { label: 'email address', kind: 'personal', value: FAKE_EMAIL },
  { label: 'phone number (digits)', kind: 'personal', value: '5555550100' },
  { label: 'phone number (formatted)', kind: 'personal', value: '555-0100' },
  { label: 'street address', kind: 'personal', value: '123 Main St' },
  { label: 'street address (normalised)', kind: 'personal', value: '123mainst' },
  { label: 'first name', kind: 'personal', value: 'José' },
  { label: 'IPv4 address', kind: 'ip-address', value: FAKE_IPV4 },
  { label: 'IPv6 address', kind: 'ip-address', value: FAKE_IPV6 }
];
