/** Whatever JSON data elements resolve to, the parser answers with settings or one SettingsError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../src/settings/parse';
import { SettingsError } from '../../../src/settings/problems';
import { extensionSettings } from '../action/fixtures';

const SECTIONS = ['event', 'user', 'properties', 'consent'] as const;

/** Action settings whose every section and field may be any JSON value, hostile keys included. */
const anyActionSettings = fc.record(
  {
    ...Object.fromEntries(
      SECTIONS.map((section) => [
        section,
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom('name', 'time', 'email', 'quantity', 'contents', 'amznUserData', '__proto__', 'constructor'), fc.jsonValue())
        )
      ])
    ),
    customAttributes: fc.jsonValue(),
    dryRun: fc.jsonValue()
  },
  { requiredKeys: [] }
);

describe('parseSettings on arbitrary resolved values', () => {
  it('returns settings or throws a SettingsError, and never touches Object.prototype', () => {
    fc.assert(
      fc.property(anyActionSettings, (action) => {
        try {
          parseSettings(extensionSettings(), JSON.parse(JSON.stringify(action)));
        } catch (error) {
          expect(error).toBeInstanceOf(SettingsError);
          expect((error as SettingsError).problems.length).toBeGreaterThan(0);
        }
        expect(Object.keys(Object.prototype)).toStrictEqual([]);
      }),
      { numRuns: 300 }
    );
  });
});
