/**
 * Finds secrets and raw personal values in recorded log lines and error messages.
 *
 * Two places are exempt, each for a reason the extension cannot change:
 * - Adobe's engine echoes the incoming event and every resolved data element into the rule's logs
 *   ("Calling … Event: {…}", "The "Email" data element value is …", Core's "Path" output). Personal
 *   values there come from the event itself, not from the extension; secrets are still checked.
 * - Amazon's own answer, as Adobe's fetch trace prints it after "Response Body", may echo the IP
 *   address the request carried; the IP address is checked everywhere else.
 */
import type { SensitiveValue } from './sensitiveValues';

export interface RecordedLine {
  /** Where the line came from, e.g. "engine rule RL-purchase (warn)" or "built module error". */
  source: string;
  text: string;
}

export interface Leak {
  source: string;
  label: string;
  /** The line with the leaked value replaced by «label», so the report does not leak it again. */
  excerpt: string;
}

const ADOBE_EVENT_ECHOES: readonly RegExp[] = [
  /^Calling ".*" module from the ".*" extension\. Event: /s,
  /^".*" module from the "Core" extension returned\. Output: /s,
  /^The ".*" data element value is /s,
  /^Resolving the data element /s
];
const AMAZON_ANSWER_IN_FETCH_TRACE = / response body /i;
const MAX_EXCERPT = 300;

function isAdobeEventEcho(text: string): boolean {
  return ADOBE_EVENT_ECHOES.some((pattern) => pattern.test(text));
}

/** The line in lower case, cut to the part a value of each kind may not appear in. */
function checkedParts(text: string): Record<SensitiveValue['kind'], string> {
  const lower = text.toLowerCase();
  const personal = isAdobeEventEcho(text) ? '' : lower;
  return { secret: lower, personal, 'ip-address': personal.split(AMAZON_ANSWER_IN_FETCH_TRACE)[0] ?? '' };
}

function excerptAround(text: string, at: number, length: number, label: string): string {
  const start = Math.max(0, at - MAX_EXCERPT / 2);
  const before = text.slice(start, at);
  // A fragment (e.g. "Atzr|") may start a longer value: hide the rest of that word too.
  const end = at + length + (/^[^\s"',;]*/.exec(text.slice(at + length))?.[0].length ?? 0);
  const after = text.slice(end, end + MAX_EXCERPT / 2);
  return `${start > 0 ? '…' : ''}${before}«${label}»${after}`;
}

export function findLeaks(lines: Iterable<RecordedLine>, values: readonly SensitiveValue[]): Leak[] {
  const leaks: Leak[] = [];
  const wanted = values.filter(({ value }) => value !== '').map((wanted) => ({ ...wanted, lower: wanted.value.toLowerCase() }));
  for (const line of lines) {
    const parts = checkedParts(line.text);
    for (const { label, kind, value, lower } of wanted) {
      const at = parts[kind].indexOf(lower);
      if (at >= 0) leaks.push({ source: line.source, label, excerpt: excerptAround(line.text, at, value.length, label) });
    }
  }
  return leaks;
}

export function describeLeaks(leaks: readonly Leak[]): string {
  const shown = leaks.slice(0, 20).map((leak) => `- ${leak.label} in ${leak.source}: ${leak.excerpt}`);
  const more = leaks.length > shown.length ? [`… and ${leaks.length - shown.length} more`] : [];
  return [`${leaks.length} secret or personal value(s) leaked into logs or errors:`, ...shown, ...more].join('\n');
}
