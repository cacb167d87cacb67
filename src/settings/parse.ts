/**
 * Parses the resolved extension and action settings into typed values, or throws one
 * SettingsError that lists every bad field path and why. Schemas are built by looping over the
 * registry, so a field added there is parsed here without further code.
 */
import * as z from 'zod/mini';
import {
  ACTION_FIELDS,
  CONFIGURATION_FIELDS,
  NESTED_ACTION_SECTIONS,
  type FieldDefinition
} from '../fields/registry';
import { ABSENT, coerceText, ownProperties } from './coerce';
import { fieldSchema, ownObject } from './fieldSchema';
import { SettingsError, formatPath, type SettingsProblem } from './problems';
import type { ActionSettings, ExtensionSettings } from './types';

type Schema = z.ZodMiniType;

const shapeOf = (fields: readonly FieldDefinition[]): Record<string, Schema> =>
  Object.fromEntries(fields.map((field) => [field.key, fieldSchema(field)]));

const EXTENSION_SCHEMA = ownObject(shapeOf(CONFIGURATION_FIELDS));

const isNested = (section: string): boolean => (NESTED_ACTION_SECTIONS as readonly string[]).includes(section);

const ACTION_SCHEMA = ownObject({
  ...Object.fromEntries(
    NESTED_ACTION_SECTIONS.map((section) => [
      section,
      // A section the view never saved (no field filled in) parses as empty.
      z.pipe(
        z.transform((input: unknown): unknown => input ?? {}),
        ownObject(shapeOf(ACTION_FIELDS.filter((field) => field.section === section)))
      )
    ])
  ),
  ...shapeOf(ACTION_FIELDS.filter((field) => !isNested(field.section)))
});

function problemsOf(error: z.core.$ZodError, root: string, prefix: string): SettingsProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    return { path: path === '' ? root : `${prefix}${path}`, reason: issue.message };
  });
}

/** Rules across fields: an access token, or the refresh token and client secret that mint one. */
function credentialProblems(raw: unknown): SettingsProblem[] {
  const own = ownProperties(raw);
  if (own === undefined) return [];
  // A value of the wrong type counts as present: it has its own problem already.
  const has = (key: string): boolean => coerceText(own[key]) !== ABSENT;
  const problems: SettingsProblem[] = [];
  if (has('refreshToken') && !has('clientSecret')) {
    problems.push({ path: 'extension.clientSecret', reason: 'is required with a refresh token' });
  }
  if (has('clientSecret') && !has('refreshToken')) {
    problems.push({ path: 'extension.refreshToken', reason: 'is required with a client secret' });
  }
  if (!has('accessToken') && !has('refreshToken') && !has('clientSecret')) {
    problems.push({
      path: 'extension.accessToken',
      reason: 'is required unless a refresh token and client secret are configured'
    });
  }
  return problems;
}

export interface ParsedSettings {
  readonly extension: ExtensionSettings;
  readonly action: ActionSettings;
}

/** Both settings objects, validated together so that one error names every problem. */
export function parseSettings(rawExtension: unknown, rawAction: unknown): ParsedSettings {
  const extension = EXTENSION_SCHEMA.safeParse(rawExtension);
  const action = ACTION_SCHEMA.safeParse(rawAction);
  const problems = [
    ...(extension.success ? [] : problemsOf(extension.error, 'extension', 'extension.')),
    ...credentialProblems(rawExtension),
    ...(action.success ? [] : problemsOf(action.error, 'settings', ''))
  ];
  if (problems.length > 0 || !extension.success || !action.success) throw new SettingsError(problems);
  return { extension: extension.data as ExtensionSettings, action: action.data as ActionSettings };
}
