/**
 * Validation problems and the one error that lists them. A problem names a settings path and says
 * what is wrong with it; it never carries the value, which may be personal data or a secret.
 */

export interface SettingsProblem {
  /** Dotted settings path as the user knows it: `extension.advertiserId`, `properties.contents[1].price`. */
  readonly path: string;
  /** What is wrong, phrased to follow the path: "must be a whole number greater than 0". */
  readonly reason: string;
}

export class SettingsError extends Error {
  readonly problems: readonly SettingsProblem[];

  constructor(problems: readonly SettingsProblem[]) {
    super(`Invalid settings: ${problems.map(({ path, reason }) => `${path} ${reason}`).join('; ')}.`);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}

/** Formats a zod issue path (`['properties', 'contents', 1, 'price']`) as `properties.contents[1].price`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return path === '' ? name : `${path}.${name}`;
  }, '');
}

/** A view hint ("Use letters, digits…") as the tail of a reason ("…: use letters, digits…"). */
export function hintClause(hint: string): string {
  return `${hint.charAt(0).toLowerCase()}${hint.slice(1).replace(/\.$/, '')}`;
}
