/**
 * One event of the Events API (`POST /adsApi/v1/create/events`, "Conversions API v2"):
 * nested `eventDescription`, `eventTime`, `eventId`, `customData`, `dataProcessingOptions{options}`.
 */
import {
  ATTRIBUTE_PATTERN,
  CONVERSION_TYPES,
  CUSTOM_DATA_TYPES,
  DATA_SET_NAME_PATTERN,
  EVENTS_API_RULES,
  EVENTS_API_SOURCES,
  LIMITED_DATA_USE,
  MAX_ATTRIBUTES,
  SERVER_TO_SERVER
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
  'eventDescription', 'countryCode', 'eventTime', 'matchKeys', 'value', 'currencyCode', 'unitsSold',
  'eventId', 'dataProcessingOptions', 'consent', 'customData'
];
const DESCRIPTION_KEYS = ['name', 'conversionType', 'eventSource', 'eventIngestionMethod', 'dataSetName'];

function checkDescription(value: unknown, problems: ProblemList): void {
  if (!isRecord(value)) {
    problems.add('eventDescription', 'is required: an object with name, conversionType, eventSource and eventIngestionMethod');
    return;
  }
  rejectUnknownKeys(value, DESCRIPTION_KEYS, 'eventDescription', problems);
  if (!isNonEmptyString(value.name)) problems.add('eventDescription.name', 'must be a non-empty string');
  checkEnum(value.conversionType, 'eventDescription.conversionType', CONVERSION_TYPES, problems);
  checkEnum(value.eventSource, 'eventDescription.eventSource', EVENTS_API_SOURCES, problems);
  checkEnum(value.eventIngestionMethod, 'eventDescription.eventIngestionMethod', [SERVER_TO_SERVER], problems);
  const { dataSetName } = value;
  if (dataSetName !== undefined && (typeof dataSetName !== 'string' || !DATA_SET_NAME_PATTERN.test(dataSetName))) {
    problems.add('eventDescription.dataSetName', 'must be 5 to 100 characters from A-Z, a-z, 0-9, "_" and "-", starting with a letter');
  }
}

function checkDataProcessingOptions(value: unknown, problems: ProblemList): void {
  if (value === undefined) return;
  const valid = isRecord(value) && Object.keys(value).length === 1 && value.options === LIMITED_DATA_USE;
  if (!valid) problems.add('dataProcessingOptions', `must be { "options": "${LIMITED_DATA_USE}" }`);
}

function checkCustomData(value: unknown, problems: ProblemList): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length > MAX_ATTRIBUTES) {
    problems.add('customData', `must be an array of at most ${MAX_ATTRIBUTES} attributes`);
    return;
  }
  const names = new Set<string>();
  value.forEach((attribute: unknown, index) => {
    const path = `customData[${index}]`;
    if (!isRecord(attribute)) {
      problems.add(path, 'must be an object with name, dataType and value');
      return;
    }
    rejectUnknownKeys(attribute, ['name', 'dataType', 'value'], path, problems);
    const { name, dataType, value: attributeValue } = attribute;
    if (typeof name !== 'string' || !ATTRIBUTE_PATTERN.test(name)) {
      problems.add(`${path}.name`, 'must be letters, digits and "_" only');
    } else if (names.has(name)) {
      problems.add(`${path}.name`, 'repeats an earlier attribute name');
    } else {
      names.add(name);
    }
    checkEnum(dataType, `${path}.dataType`, CUSTOM_DATA_TYPES, problems);
    if (typeof attributeValue !== 'string' || !ATTRIBUTE_PATTERN.test(attributeValue)) {
      problems.add(`${path}.value`, 'must be a string of letters, digits and "_" only');
    } else if (dataType === 'INTEGER' && !/^\d+$/.test(attributeValue)) {
      problems.add(`${path}.value`, 'must be digits only for dataType INTEGER');
    }
  });
}

/** Everything Amazon would reject in one Events API event (empty when it accepts it). */
export function checkEventsApiEvent(event: unknown, region: AmazonRegion, now: number): Problem[] {
  const problems = new ProblemList();
  if (!isRecord(event)) {
    problems.add('event', 'must be a JSON object');
    return problems.items;
  }
  rejectUnknownKeys(event, EVENT_KEYS, '', problems);
  checkDescription(event.eventDescription, problems);
  checkCountryCode(event.countryCode, 'countryCode', problems);
  checkEventTime(event.eventTime, 'eventTime', now, EVENTS_API_RULES.maxAgeDays, problems);
  checkMatchKeys(event.matchKeys, EVENTS_API_RULES.maxMatchKeys, problems);
  checkValue(event.value, problems);
  checkCurrencyCode(event.currencyCode, problems);
  checkUnitsSold(event.unitsSold, problems);
  checkDedupeId(event.eventId, 'eventId', problems);
  checkDataProcessingOptions(event.dataProcessingOptions, problems);
  checkConsent(event.consent, region, problems);
  checkCustomData(event.customData, problems);
  return problems.items;
}
