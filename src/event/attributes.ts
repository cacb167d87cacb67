/**
 * Reporting attributes (DESIGN §4): the product fields under Amazon's reporting names, then the
 * user's custom attributes, 13 at most. The Events API allows only [A-Za-z0-9_] in names and
 * values (other characters become "_"); the v1 API numbers the product fields attr1…attr5 and cuts
 * values at 256 characters.
 */
import {
  MAX_CUSTOM_ATTRIBUTES,
  MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH,
  type ApiName
} from '../amazon/endpoints';
import type { CustomAttribute, CustomDataType, PropertiesSettings } from '../settings/types';
import { parseEventTime } from './time';

export interface ReportingAttribute {
  readonly name: string;
  readonly value: string;
  /** Events API only. */
  readonly dataType?: CustomDataType;
}

type AttributeProperty = 'contentId' | 'contentCategory' | 'brand' | 'contentType' | 'contentName' | 'description' | 'query' | 'status';

/** Property → reporting attribute name per API, in the order they are sent. */
const PROPERTY_ATTRIBUTES: ReadonlyArray<{ readonly key: AttributeProperty; readonly name: Readonly<Record<ApiName, string>> }> = [
  { key: 'contentId', name: { events: 'product', legacy: 'productId' } },
  { key: 'contentCategory', name: { events: 'category', legacy: 'category' } },
  { key: 'brand', name: { events: 'brand', legacy: 'brand' } },
  { key: 'contentType', name: { events: 'content_type', legacy: 'attr1' } },
  { key: 'contentName', name: { events: 'content_name', legacy: 'attr2' } },
  { key: 'description', name: { events: 'description', legacy: 'attr3' } },
  { key: 'query', name: { events: 'query', legacy: 'attr4' } },
  { key: 'status', name: { events: 'status', legacy: 'attr5' } }
];

/** Amazon's attribute character set: letters, digits and "_". */
export const foldToAttributeCharacters = (text: string): string => text.replace(/[^A-Za-z0-9_]/g, '_');

/**
 * The Events API value of a typed attribute, or undefined when the value does not fit the type.
 * Amazon's character set ([A-Za-z0-9_]) leaves digits as the only way to write an INTEGER or a
 * TIMESTAMP, so a TIMESTAMP is sent as Unix epoch milliseconds and money must be given in cents.
 */
function typedEventsValue(value: string, dataType: CustomDataType): string | undefined {
  switch (dataType) {
    case 'STRING':
      return foldToAttributeCharacters(value);
    case 'INTEGER':
      return /^\d{1,18}$/.test(value.trim()) ? value.trim() : undefined;
    case 'TIMESTAMP': {
      const epochMs = parseEventTime(value);
      return epochMs === undefined ? undefined : String(epochMs);
    }
  }
}

const TYPE_HINTS: Readonly<Record<Exclude<CustomDataType, 'STRING'>, string>> = {
  INTEGER: 'an INTEGER attribute needs a whole number of 0 or more (send money in cents)',
  TIMESTAMP: 'a TIMESTAMP attribute needs a time with a zone or Unix seconds/milliseconds'
};

/** An attribute with the settings path it came from, for warnings. */
interface SourcedAttribute extends ReportingAttribute {
  readonly source: string;
}

export interface AttributeResult {
  readonly attributes: readonly ReportingAttribute[];
  readonly warnings: readonly string[];
}

export function buildAttributes(
  properties: PropertiesSettings,
  customAttributes: readonly CustomAttribute[],
  api: ApiName
): AttributeResult {
  const warnings: string[] = [];
  const fromProperties = PROPERTY_ATTRIBUTES.flatMap(({ key, name }): SourcedAttribute[] => {
    const value = properties[key];
    return value === undefined ? [] : [{ name: name[api], value, source: `properties.${key}` }];
  });
  const taken = new Set(fromProperties.map((attribute) => attribute.name));
  const fromUser = customAttributes.flatMap((attribute, index): SourcedAttribute[] => {
    const name = foldToAttributeCharacters(attribute.name);
    const source = `customAttributes[${index}]`;
    if (taken.has(name)) {
      warnings.push(`${source} was not sent: the attribute ${name} is already set.`);
      return [];
    }
    taken.add(name);
    return [{ name, value: attribute.value, ...(attribute.dataType ? { dataType: attribute.dataType } : {}), source }];
  });
  const all = [...fromProperties, ...fromUser];
  const kept = all.slice(0, MAX_CUSTOM_ATTRIBUTES);
  const overflow = all.slice(MAX_CUSTOM_ATTRIBUTES);
  if (overflow.length > 0) {
    warnings.push(
      `Amazon accepts ${MAX_CUSTOM_ATTRIBUTES} reporting attributes at most; not sent: ${overflow.map((attribute) => attribute.source).join(', ')}.`
    );
  }
  const attributes = kept.flatMap(({ name, value, dataType = 'STRING', source }): ReportingAttribute[] => {
    if (api === 'events') {
      const typed = typedEventsValue(value, dataType);
      if (typed !== undefined) return [{ name, value: typed, dataType }];
      warnings.push(`${source} was not sent: ${TYPE_HINTS[dataType as Exclude<CustomDataType, 'STRING'>]}.`);
      return [];
    }
    if (value.length <= MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH) return [{ name, value }];
    warnings.push(`${source} was cut to ${MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH} characters.`);
    return [{ name, value: value.slice(0, MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH) }];
  });
  return { attributes, warnings };
}
