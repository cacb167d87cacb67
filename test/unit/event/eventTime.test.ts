/** Event time: every accepted format, the XDM fallback, and each API's window. */
import { describe, expect, it } from 'vitest';
import { resolveEventTime } from '../../../src/event/eventTime';
import { NOW_MS } from '../action/fixtures';

const resolve = (setting: string | undefined, xdm: unknown = {}, api: 'events' | 'legacy' = 'events') =>
  resolveEventTime(setting, xdm, NOW_MS, api);

describe('event time formats', () => {
  it.each([
    ['ISO 8601 UTC', '2026-08-20T14:04:28Z', '2026-08-20T14:04:28.000Z'],
    ['ISO 8601 with fractions', '2026-08-20T14:04:28.123456Z', '2026-08-20T14:04:28.123Z'],
    ['ISO 8601 with an offset', '2026-08-20T16:04:28.5+02:00', '2026-08-20T14:04:28.500Z'],
    ['ISO 8601 with a compact offset', '2026-08-20T09:04:28-0500', '2026-08-20T14:04:28.000Z'],
    ["the brief's yyyy-MM-dd'T'HH:mm:ss:SSSZ", '2026-08-20T14:04:28:250Z', '2026-08-20T14:04:28.250Z'],
    ["the brief's format with a ±hhmm zone", '2026-08-20T16:04:28:250+0200', '2026-08-20T14:04:28.250Z'],
    ['Unix seconds', '1787234668', '2026-08-20T14:04:28.000Z'],
    ['Unix milliseconds', '1787234668250', '2026-08-20T14:04:28.250Z']
  ])('%s', (_label, input, expected) => {
    expect(resolve(input)).toStrictEqual({ time: expected });
  });

  it('refuses a time without a zone, naming the formats, not the value', () => {
    expect(resolve('2026-08-20T14:04:28')).toStrictEqual({
      problem: {
        path: 'event.time',
        reason:
          'is not a valid time: use ISO 8601 with a time zone (2026-05-01T10:00:00Z), yyyy-MM-ddTHH:mm:ss:SSSZ, or Unix seconds or milliseconds'
      }
    });
  });
});

describe('fallback to the XDM timestamp', () => {
  it('uses arc.event.xdm.timestamp when the setting is empty', () => {
    expect(resolve(undefined, { timestamp: '2026-08-20T14:00:00.000Z' })).toStrictEqual({ time: '2026-08-20T14:00:00.000Z' });
  });

  it('says so when neither is there', () => {
    expect(resolve(undefined, {})).toStrictEqual({
      problem: { path: 'event.time', reason: 'is required: it is empty and the XDM event has no timestamp' }
    });
  });
});

describe('time window', () => {
  it('accepts up to 5 minutes in the future and refuses more', () => {
    expect(resolve('2026-08-20T14:15:00Z')).toStrictEqual({ time: '2026-08-20T14:15:00.000Z' });
    expect(resolve('2026-08-20T14:15:01Z')).toStrictEqual({
      problem: { path: 'event.time', reason: 'is more than 5 minutes in the future; check the time zone' }
    });
  });

  it('accepts 21 days back for the Events API and 7 for the v1 API', () => {
    expect(resolve('2026-07-30T14:10:00Z')).toStrictEqual({ time: '2026-07-30T14:10:00.000Z' });
    expect(resolve('2026-07-30T14:09:59Z')).toStrictEqual({
      problem: { path: 'event.time', reason: 'is more than 21 days ago; the Events API accepts events up to 21 days old' }
    });
    expect(resolve('2026-08-13T14:10:00Z', {}, 'legacy')).toStrictEqual({ time: '2026-08-13T14:10:00.000Z' });
    expect(resolve('2026-08-13T14:09:59Z', {}, 'legacy')).toStrictEqual({
      problem: { path: 'event.time', reason: 'is more than 7 days ago; the v1 (legacy) API accepts events up to 7 days old' }
    });
  });
});
