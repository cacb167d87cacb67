/**
 * Reading the engine's rule logs, the same entries Adobe's Edge trace shows. The engine returns
 * status and logs but not the rule stash; every action's resolved value is logged as
 * `"<module>" module from the "<extension>" extension returned. Output: <json>` and stored as
 * `ruleStash[<extension name>]` (null for undefined), so replaying those entries gives the stash the
 * engine built, for any number of concurrent runs.
 */
import type { TraceEntry } from './engine';

export interface ActionModuleName {
  displayName: string;
  extensionName: string;
  extensionDisplayName: string;
}

const RETURNED = /^"(.*)" module from the "(.*)" extension returned\.$/;
const CALLING = /^Calling "(.*)" module from the "(.*)" extension\.$/;

/** A logged value back as data; masking can in principle break the JSON, then the text is kept. */
function parseLogged(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An entry's messages without the engine's rocket prefix, as one line. */
export function traceText(entry: TraceEntry): string {
  return entry.messages.slice(1).join(' ');
}

export function ruleStashFromLogs(logs: readonly TraceEntry[], actions: readonly ActionModuleName[]): Record<string, unknown> {
  const stash: Record<string, unknown> = {};
  const findAction = (match: RegExpExecArray | null): ActionModuleName | undefined =>
    match ? actions.find((action) => action.displayName === match[1] && action.extensionDisplayName === match[2]) : undefined;
  // Conditions run before actions and may share display names with them; start at the first action call.
  let inActions = false;
  for (const entry of logs) {
    const [, first, second, output] = entry.messages;
    if (!inActions) {
      inActions = findAction(CALLING.exec(first ?? '')) !== undefined;
      continue;
    }
    const action = findAction(RETURNED.exec(first ?? ''));
    if (action && second === 'Output:') stash[action.extensionName] = output === undefined ? null : parseLogged(output);
  }
  return stash;
}

/** Error-level entries as text: a failed module's message (with its stack, as Adobe logs it). */
export function errorTraces(logs: readonly TraceEntry[]): string[] {
  return logs.filter((entry) => entry.attributes.logLevel === 'error').map(traceText);
}
