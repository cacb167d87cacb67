/**
 * Normalisers for identifiers whose validity decides whether a value is sent at all. Shared by the
 * library (resolved values) and the views (literal values), so both apply the same rule.
 */

/** Trimmed, lower-cased address, or undefined when it does not look like one. */
export function normaliseEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(email) ? email : undefined;
}

/** E.164 `+digits`, or undefined. Strips spaces, "-", ".", "(" and ")"; a 00 prefix becomes "+". */
export function normalisePhone(value: string): string | undefined {
  let phone = value.trim().replace(/[\s\-.()]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(phone) ? phone : undefined;
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  // An embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups.
  if (last !== undefined && last.includes('.')) {
    if (!IPV4.test(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((group) => HEX_GROUP.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The address as given (trimmed), or undefined when it is neither IPv4 nor IPv6 (full or compressed). */
export function normaliseIpAddress(value: string): string | undefined {
  const ip = value.trim();
  if (IPV4.test(ip)) return ip;
  return ip.includes(':') && isIpv6(ip) ? ip.toLowerCase() : undefined;
}

/** Amazon's MATCH_ID: letters, digits, "_" and "-", 100 characters at most. */
export function normaliseMatchId(value: string): string | undefined {
  const id = value.trim();
  return /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : undefined;
}

// ISO 3166-1 alpha-2, officially assigned codes.
const ISO_COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' ')
);

/**
 * ISO 3166-1 alpha-2 code, upper-case, from a code (`us`) or a locale (`en-US`, `zh_Hant_TW`);
 * undefined when no assigned country code is found.
 */
export function normaliseCountryCode(value: string): string | undefined {
  const parts = value.trim().split(/[-_]/);
  const candidate = parts.length === 1 ? parts[0] : parts.slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  if (candidate === undefined || !/^[A-Za-z]{2}$/.test(candidate)) return undefined;
  const code = candidate.toUpperCase();
  return ISO_COUNTRIES.has(code) ? code : undefined;
}
