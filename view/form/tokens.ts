/** Data element tokens as Tags saves them on edge (`{{name}}`), using the registry's own patterns. */
import { TOKEN_SOURCE, WHOLE_TOKEN_SOURCE } from '../../src/fields/registry';

const ANY_TOKEN = new RegExp(TOKEN_SOURCE);
const WHOLE_TOKEN = new RegExp(WHOLE_TOKEN_SOURCE);

/** The value holds a data element token somewhere, so its final value is only known at runtime. */
export function hasToken(value: string): boolean {
  return ANY_TOKEN.test(value);
}

/** The value is exactly one token; at runtime it keeps the data element's own type. */
export function isWholeToken(value: string): boolean {
  return WHOLE_TOKEN.test(value.trim());
}
