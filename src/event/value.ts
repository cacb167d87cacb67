/**
 * Value, units and currency (DESIGN §4). The value defaults from the cart; units and currency are
 * only meaningful to Amazon for purchases, so they are sent for OFF_AMAZON_PURCHASES only.
 */
import type { ConversionType, CurrencyCode } from '../amazon/endpoints';
import { MAX_AMOUNT } from '../fields/registry';
import type { SettingsProblem } from '../settings/problems';
import type { ContentItem, PropertiesSettings } from '../settings/types';

export interface EventValue {
  readonly value?: number;
  readonly currencyCode?: CurrencyCode;
  readonly unitsSold?: number;
}


export interface EventValueResult {
  readonly eventValue: EventValue;
  readonly problems: readonly SettingsProblem[];
}

/** Rounded to 2 decimals (Amazon's precision); the epsilon keeps 1.005 from rounding down. */
export function roundMoney(amount: number): number {
  return Math.round((amount + Number.EPSILON) * 100) / 100;
}

/** A cart line without a quantity counts as one unit. */
const unitsOf = (item: ContentItem): number => item.quantity ?? 1;

function defaultValue(properties: PropertiesSettings): number | undefined {
  const priced = properties.contents.filter((item) => item.price !== undefined);
  if (priced.length > 0) return priced.reduce((sum, item) => sum + (item.price ?? 0) * unitsOf(item), 0);
  if (properties.price !== undefined && properties.quantity !== undefined) return properties.price * properties.quantity;
  return undefined;
}

export function buildEventValue(properties: PropertiesSettings, conversionType: ConversionType): EventValueResult {
  const amount = properties.value ?? defaultValue(properties);
  const problems: SettingsProblem[] = [];
  // The parser caps a given value and each price; a computed total can still pass the cap (or
  // overflow to Infinity, which `!(x <= max)` catches too).
  if (amount !== undefined && !(amount <= MAX_AMOUNT)) {
    problems.push({ path: 'properties', reason: `price × quantity comes to more than ${MAX_AMOUNT}; set Value` });
  }
  const value = amount === undefined ? undefined : roundMoney(amount);
  const purchase = conversionType === 'OFF_AMAZON_PURCHASES';
  const units =
    properties.quantity ??
    (properties.contents.length > 0 ? properties.contents.reduce((sum, item) => sum + unitsOf(item), 0) : undefined);
  if (purchase && units !== undefined && !(units <= Number.MAX_SAFE_INTEGER)) {
    problems.push({ path: 'properties.quantity', reason: `must be at most ${Number.MAX_SAFE_INTEGER} units in all` });
  }
  return {
    eventValue: {
      ...(value !== undefined ? { value } : {}),
      ...(purchase && properties.currency !== undefined ? { currencyCode: properties.currency } : {}),
      ...(purchase && units !== undefined ? { unitsSold: units } : {})
    },
    problems
  };
}
