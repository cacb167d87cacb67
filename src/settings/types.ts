/**
 * The library's view of settings after parsing, derived from the field registry: a field's kind
 * gives its type, `required` or a `defaultValue` make it always present. Adding a field to the
 * registry adds it here; the parser (./parse.ts) is built from the same definitions.
 */
import type { ActionSource, ApiName, ConsentValue, ConversionType, CurrencyCode, Region } from '../amazon/endpoints';
import type { ACTION_FIELDS, CONFIGURATION_FIELDS, NestedActionSection } from '../fields/registry';

/** `dataType` of an Events API custom data entry. */
export const CUSTOM_DATA_TYPES = ['STRING', 'INTEGER', 'TIMESTAMP'] as const;
export type CustomDataType = (typeof CUSTOM_DATA_TYPES)[number];

/** Keys of the properties section a `contents` item may carry (the same rules apply). */
export const CONTENT_ITEM_KEYS = ['price', 'quantity', 'contentId', 'contentName', 'contentCategory', 'brand'] as const;

export interface CustomAttribute {
  readonly name: string;
  /** Numbers and booleans arrive as their text. */
  readonly value: string;
  readonly dataType?: CustomDataType;
}

/** Enum fields whose values have a named type; a test checks these against the registry options. */
interface EnumValues {
  type: ConversionType;
  actionSource: ActionSource;
  currency: CurrencyCode;
  amznUserData: ConsentValue;
  amznAdStorage: ConsentValue;
  contentType: 'product' | 'product_group';
  region: Region;
  api: ApiName;
}

type ActionField = (typeof ACTION_FIELDS)[number];
type ConfigurationField = (typeof CONFIGURATION_FIELDS)[number];

type ValueOf<F> = F extends { kind: 'text' | 'secret' }
  ? string
  : F extends { kind: 'number' }
    ? number
    : F extends { kind: 'boolean' }
      ? boolean
      : F extends { kind: 'enum'; key: infer K extends keyof EnumValues }
        ? EnumValues[K]
        : F extends { kind: 'enum' }
          ? string
          : F extends { kind: 'contents' }
            ? ContentItem[]
            : F extends { kind: 'attributes' }
              ? CustomAttribute[]
              : never;

/** Present after parsing: required, defaulted, or a list (absent lists parse as empty). */
type AlwaysPresent<F> = F extends { required: true }
  ? true
  : F extends { defaultValue: string | boolean }
    ? true
    : F extends { kind: 'contents' | 'attributes' }
      ? true
      : false;

type SettingsOf<F extends { key: string }> = {
  [G in F as AlwaysPresent<G> extends true ? G['key'] : never]: ValueOf<G>;
} & {
  [G in F as AlwaysPresent<G> extends true ? never : G['key']]?: ValueOf<G>;
};

export type ExtensionSettings = SettingsOf<ConfigurationField>;

export type ActionSettings = {
  [S in NestedActionSection]: SettingsOf<Extract<ActionField, { section: S }>>;
} & SettingsOf<Exclude<ActionField, { section: NestedActionSection }>>;

export type EventSettings = ActionSettings['event'];
export type UserSettings = ActionSettings['user'];
export type PropertiesSettings = ActionSettings['properties'];
export type ConsentSettings = ActionSettings['consent'];

/** One cart line of `properties.contents`. */
export type ContentItem = Pick<SettingsOf<Extract<ActionField, { section: 'properties' }>>, (typeof CONTENT_ITEM_KEYS)[number]>;
