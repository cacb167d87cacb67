/**
 * Keeps secrets and raw personal values out of what delivery logs and throws. Amazon's and Login
 * with Amazon's answers are quoted in messages, and an answer may echo what it was sent, so every
 * quoted text passes through one redactor that knows this delivery's sensitive values.
 */

const REDACTED = '[redacted]';
/** Shorter values are not redacted: replacing 1–3 characters everywhere would garble messages. */
const MIN_REDACTED_LENGTH = 4;
export const MAX_EXCERPT_LENGTH = 200;

export class Redactor {
  private readonly values = new Set<string>();
  private readonly deferred: Array<() => Iterable<string | undefined>> = [];

  constructor(values: Iterable<string | undefined> = []) {
    for (const value of values) this.add(value);
  }

  /**
   * Values worked out only when something is first redacted: most deliveries succeed and quote
   * nothing, so they never pay for finding them.
   */
  addDeferred(source: () => Iterable<string | undefined>): void {
    this.deferred.push(source);
  }

  add(value: string | undefined): void {
    if (value === undefined || value.length < MIN_REDACTED_LENGTH) return;
    this.values.add(value);
    // A form-encoded echo (Login with Amazon) spells `Atzr|…` as `Atzr%7C…`.
    this.values.add(encodeURIComponent(value));
  }

  apply(text: string): string {
    for (const source of this.deferred.splice(0)) for (const value of source()) this.add(value);
    // Longest first, so a value that contains another is replaced whole.
    const ordered = [...this.values].sort((a, b) => b.length - a.length);
    return ordered.reduce((result, value) => result.split(value).join(REDACTED), text);
  }

  /** A short, single-line, redacted quote of an answer body for a message. */
  excerpt(text: string): string {
    const line = this.apply(text).replace(/\s+/g, ' ').trim();
    return line.length <= MAX_EXCERPT_LENGTH ? line : `${line.slice(0, MAX_EXCERPT_LENGTH - 1)}…`;
  }
}

/**
 * The raw personal values the action masked for logging (the IP address): every string in `body`
 * whose counterpart in `bodyForLog` differs. Derived rather than passed in, so whatever the action
 * masks for traces is also kept out of messages.
 */
export function valuesMaskedForLog(body: string, bodyForLog: string): string[] {
  const masked: string[] = [];
  const walk = (sent: unknown, logged: unknown): void => {
    if (typeof sent === 'string') {
      if (sent !== logged) masked.push(sent);
      return;
    }
    if (Array.isArray(sent)) {
      sent.forEach((item, index) => walk(item, Array.isArray(logged) ? logged[index] : undefined));
      return;
    }
    if (sent !== null && typeof sent === 'object') {
      const loggedRecord = logged !== null && typeof logged === 'object' ? (logged as Record<string, unknown>) : {};
      for (const [key, value] of Object.entries(sent)) walk(value, loggedRecord[key]);
    }
  };
  try {
    walk(JSON.parse(body), JSON.parse(bodyForLog));
  } catch {
    // Bodies are built by the action as JSON; if they are not, there is nothing structured to compare.
  }
  return masked;
}
