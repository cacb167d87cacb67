/**
 * One event of the Conversions API v1 (`POST /events/v1`): flat `name`, `eventType`,
 * `eventActionSource`, `timestamp`, `clientDedupeId`, `customAttributes`, `dataProcessingOptions[]`.
 */
import {
  ATTRIBUTE_PATTERN,
  CONVERSION_TYPES,
  LEGACY_ACTION_SOURCES,
  LEGACY_API_RULES,
  LIMITED_DATA_USE,
  MAX_ATTRIBUTES,
  MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH
} from './amazon-rules';
import {
  checkConsent,
  checkCountryCode,
  checkCurrencyCode,
  checkDedupeId,
  checkEventTime,
  checkMatchKeys,
  checkUnitsSold,
  checkValue
} from './event-fields';
import type { AmazonRegion } from './hosts';
import { checkEnum, isNonEmptyString, isRecord, rejectUnknownKeys, ProblemList, type Problem } from './problems';

const EVENT_KEYS = [
  'name', 'eventType', 'eventActionSource', 'countryCode', 'timestamp', 'matchKeys', 'value', 'currencyCode',
  'unitsSold', 'clientDedupeId', 'dataProcessingOptions', 'consent', 'customAttributes'
];

function checkDataProcessingOptions(value: unknown, problems: ProblemList): void {
  if (value === undefined) return;
  const valid = Array.isArray(value) && value.length === 1 && value[0] === LIMITED_DATA_USE;
  if (!valid) problems.add('dataProcessingOptions', `must be ["${LIMITED_DATA_USE}"]`);
}

function checkCustomAttributes(value: unknown, problems: ProblemList): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length > MAX_ATTRIBUTES) {
    problems.add('customAttributes', `must be an array of at most ${MAX_ATTRIBUTES} attributes`);
    return;
  }
  const names = new Set<string>();
  value.forEach((attribute: unknown, index) => {
    const path = `customAttributes[${index}]`;
    if (!isRecord(attribute)) {
      problems.add(path, 'must be an object with name and value');
      return;
    }
    rejectUnknownKeys(attribute, ['name', 'value'], path, problems);
    const { name, value: attributeValue } = attribute;
    if (typeof name !== 'string' || !ATTRIBUTE_PATTERN.test(name)) {
      problems.add(`${path}.name`, 'must be letters, digits and "_" only');
    } else if (names.has(name)) {
      problems.add(`${path}.name`, 'repeats an earlier attribute name');
    } else {
      names.add(name);
    }
    if (typeof attributeValue !== 'string' || attributeValue.length > MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH) {
      problems.add(`${path}.value`, `must be a string of at most ${MAX_LEGACY_ATTRIBUTE_VALUE_LENGTH} characters`);
    }
  });
}

/** Everything Amazon would reject in one Conversions API v1 event (empty when it accepts it). */
export function checkLegacyApiEvent(event: unknown, region: AmazonRegion, now: number): Problem[] {
  const problems = new ProblemList();
  if (!isRecord(event)) {
    problems.add('event', 'must be a JSON object');
    return problems.items;
  }
  if (event.dataSetName !== undefined) {
    problems.add('dataSetName', 'is not accepted by the Conversions API v1; data sets exist only on the Events API');
  }
  rejectUnknownKeys(event, [...EVENT_KEYS, 'dataSetName'], '', problems);
  if (!isNonEmptyString(event.name)) problems.add('name', 'must be a non-empty string');
  checkEnum(event.eventType, 'eventType', CONVERSION_TYPES, problems);
  checkEnum(event.eventActionSource, 'eventActionSource', LEGACY_ACTION_SOURCES, problems);
  checkCountryCode(event.countryCode, 'countryCode', problems);
  checkEventTime(event.timestamp, 'timestamp', now, LEGACY_API_RULES.maxAgeDays, problems);
  checkMatchKeys(event.matchKeys, LEGACY_API_RULES.maxMatchKeys, problems);
  checkValue(event.value, problems);
  checkCurrencyCode(event.currencyCode, problems);
  checkUnitsSold(event.unitsSold, problems);
  checkDedupeId(event.clientDedupeId, 'clientDedupeId', problems);
  checkDataProcessingOptions(event.dataProcessingOptions, problems);
  checkConsent(event.consent, region, problems);
  checkCustomAttributes(event.customAttributes, problems);
  return problems.items;
}
