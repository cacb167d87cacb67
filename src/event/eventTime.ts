/**
 * The event's time: the Event Time setting, else the XDM event's own timestamp (never the send
 * time, which would move conversions), checked against the window the chosen API accepts.
 */
import { API_PROFILES, MAX_FUTURE_SKEW_MS, type ApiName } from '../amazon/endpoints';
import { CHECK_MESSAGES } from '../fields/checks';
import { hintClause, type SettingsProblem } from '../settings/problems';
import { checkEventTimeWindow, formatEventTime, parseEventTime } from './time';
import { readOwnText } from './xdm';

export type EventTimeResult = { readonly time: string } | { readonly problem: SettingsProblem };

const PATH = 'event.time';

export function resolveEventTime(setting: string | undefined, xdm: unknown, nowMs: number, api: ApiName): EventTimeResult {
  const fallback = readOwnText(xdm, ['timestamp']);
  const source = setting ?? fallback;
  if (source === undefined) {
    return { problem: { path: PATH, reason: 'is required: it is empty and the XDM event has no timestamp' } };
  }
  const epochMs = parseEventTime(source);
  if (epochMs === undefined) {
    const what = setting === undefined ? 'is empty and the XDM timestamp is not a valid time' : 'is not a valid time';
    return { problem: { path: PATH, reason: `${what}: ${hintClause(CHECK_MESSAGES.eventTime)}` } };
  }
  const { maxAgeDays } = API_PROFILES[api];
  switch (checkEventTimeWindow(epochMs, nowMs, maxAgeDays)) {
    case 'in-the-future':
      return {
        problem: { path: PATH, reason: `is more than ${MAX_FUTURE_SKEW_MS / 60_000} minutes in the future; check the time zone` }
      };
    case 'too-old':
      return {
        problem: {
          path: PATH,
          reason: `is more than ${maxAgeDays} days ago; the ${api === 'events' ? 'Events API' : 'v1 (legacy) API'} accepts events up to ${maxAgeDays} days old`
        }
      };
    case undefined:
      return { time: formatEventTime(epochMs) };
  }
}
