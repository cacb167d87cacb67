/**
 * Property: whatever the settings and the event hold, the built action either sends exactly one
 * request that Amazon (the stand-in's own validators) accepts and resolves to its summary, or
 * rejects with the one settings error — never another crash, never a request Amazon rejects, and
 * never a secret or raw personal value in the body, the logs, the error or the summary.
 *
 * The built module (dist/lib) runs in this process with a fake `utils` for speed: `utils.fetch`
 * answers with the stand-in's pure request check (answerEventsCall), and the global fetch (token
 * renewal) with the stand-in's token authority.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerEventsCall } from '../../scripts/amazon-stand-in/events-endpoint';
import { identifyEndpoint } from '../../scripts/amazon-stand-in/hosts';
import { AMAZON_HOSTS, type AmazonHost } from '../../scripts/amazon-stand-in/route';
import { TokenAuthority } from '../../scripts/amazon-stand-in/token-endpoint';
import { createCommonJsLoader } from '../../scripts/engine/commonJs';
import { REPOSITORY_ROOT } from '../../scripts/engine/harness';
import { SEND_WEB_EVENT_LIB_PATH } from '../../src/fields/manifest';
import { errorText, recordLines } from '../support/leakSink';
import type { RecordedLine } from '../support/leakScanner';
import type { SensitiveValue } from '../support/sensitiveValues';
import { fuzzCase, type FuzzCase } from './fuzzArbitraries';

type SendWebEvent = (context: { arc: unknown; utils: unknown }) => Promise<Record<string, unknown>>;

interface Exchange {
  status: number;
  requestBody: string;
  answer: unknown;
  firstIndex: number;
}

const FIRST_INDEX = { events: 0, legacy: 1 } as const;
/** 4,000 plausible cases (a few ms each: hashing, the stand-in's checks) and 6,000 of any JSON at all. */
const PLAUSIBLE_RUNS = 4_000;
const ANY_JSON_RUNS = 6_000;
const SETTINGS_ERROR = /^Invalid settings: .+\.$/s;

let sendWebEvent: SendWebEvent;
const originalFetch = globalThis.fetch;
const tokens = new TokenAuthority(Date.now, 3600);
const outcomes = { sent: 0, dryRun: 0, settingsError: 0, tokenRenewals: 0 };

beforeAll(() => {
  sendWebEvent = createCommonJsLoader()(join(REPOSITORY_ROOT, SEND_WEB_EVENT_LIB_PATH)) as SendWebEvent;
  // Token renewal reads the global fetch at call time; answer it as Login with Amazon would.
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    outcomes.tokenRenewals += 1;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    expect(url).toMatch(/^https:\/\/api\.amazon\.(com|co\.uk|co\.jp)\/auth\/o2\/token$/);
    const rawBody = typeof init?.body === 'string' ? init.body : '';
    const answer = tokens.answer({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody });
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status }));
  };
});
afterAll(() => {
  globalThis.fetch = originalFetch;
  console.info(`fuzz outcomes: ${JSON.stringify(outcomes)}`);
});

/** `utils.fetch` answering as the stand-in would, recording each exchange. */
function amazonFetch(exchanges: Exchange[]) {
  return (url: string, init: { headers: Record<string, string>; body: string }): Promise<Response> => {
    const { host, pathname } = new URL(url);
    const endpoint = (AMAZON_HOSTS as readonly string[]).includes(host) ? identifyEndpoint(host as AmazonHost, pathname) : undefined;
    if (endpoint?.kind !== 'events') throw new Error(`utils.fetch called for ${url}`);
    const answer = answerEventsCall({
      api: endpoint.api,
      region: endpoint.region,
      headers: Object.fromEntries(Object.entries(init.headers).map(([name, value]) => [name.toLowerCase(), value])),
      rawBody: init.body,
      now: Date.now(),
      isAccessTokenValid: (token) => tokens.isAccessTokenValid(token)
    });
    exchanges.push({ status: answer.status, requestBody: init.body, answer: answer.body, firstIndex: FIRST_INDEX[endpoint.api] });
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status }));
  };
}

function loggerInto(lines: RecordedLine[]) {
  const log = (level: string) => (...messages: unknown[]) => {
    lines.push({ source: `built module logger (${level})`, text: messages.map((message) => (typeof message === 'string' ? message : JSON.stringify(message))).join(' ') });
  };
  return { log: log('log'), info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error') };
}

/** Values that may reach Amazon but never a log line, an error or the summary. */
function loggedMustNotHold(testCase: FuzzCase): SensitiveValue[] {
  return [
    { label: 'secret or hashed personal value', kind: 'personal', value: testCase.marker },
    { label: 'raw id', kind: 'personal', value: testCase.rawIdMarker },
    ...testCase.ipAddresses.map((ip) => ({ label: 'IP address', kind: 'ip-address' as const, value: ip }))
  ];
}

async function checkCase(testCase: FuzzCase): Promise<void> {
  const exchanges: Exchange[] = [];
  const lines: RecordedLine[] = [];
  let summary: Record<string, unknown> | undefined;
  try {
    summary = await sendWebEvent({
      arc: testCase.arc,
      utils: {
        getSettings: () => testCase.action,
        getExtensionSettings: () => testCase.extension,
        fetch: amazonFetch(exchanges),
        logger: loggerInto(lines)
      }
    });
  } catch (error) {
    lines.push({ source: 'built module error', text: errorText(error) });
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('SettingsError');
    expect((error as Error).message).toMatch(SETTINGS_ERROR);
    expect(exchanges).toEqual([]);
    outcomes.settingsError += 1;
  }
  if (summary !== undefined) {
    lines.push({ source: 'built module summary', text: JSON.stringify(summary) });
    if (summary.status === 'dry-run') {
      expect(exchanges).toEqual([]);
      outcomes.dryRun += 1;
    } else {
      expect(exchanges).toHaveLength(1);
      const [exchange] = exchanges as [Exchange];
      expect(exchange.answer).toEqual({ success: [expect.objectContaining({ index: exchange.firstIndex })], error: [] });
      expect(summary).toMatchObject({ status: 'sent', httpStatus: 207, attempts: 1 });
      // Hashed values and secrets never reach Amazon raw; raw ids and the IP address do, by design.
      expect(exchange.requestBody).not.toContain(testCase.marker);
      outcomes.sent += 1;
    }
  }
  const sensitive = loggedMustNotHold(testCase);
  for (const line of lines) for (const { value } of sensitive) expect(line.text).not.toContain(value);
  recordLines(lines, sensitive);
}

/**
 * A fixed seed keeps `npm test` reproducible; FUZZ_SEED=<n> replays a reported failure and
 * FUZZ_SEED=random explores new cases (how the value-ceiling bug was found).
 */
const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261203);
const seedOption = FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED };

describe('the built action on arbitrary settings and events', () => {
  it(`sends one accepted request or throws the settings error, leaking nothing (${PLAUSIBLE_RUNS} mostly plausible cases)`, async () => {
    await fc.assert(fc.asyncProperty(fuzzCase, checkCase), { numRuns: PLAUSIBLE_RUNS, ...seedOption });
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  }, 120_000);

  it(`holds the same on any JSON at all in settings and event (${ANY_JSON_RUNS} cases)`, async () => {
    const anything: fc.Arbitrary<FuzzCase> = fc.record({
      marker: fc.constant('zzzzzzzzzzzz'),
      rawIdMarker: fc.constant('yyyyyyyyyyyy'),
      ipAddresses: fc.constant<string[]>([]),
      extension: fc.anything({ withNullPrototype: true, withObjectString: true }),
      action: fc.anything({ withNullPrototype: true, withObjectString: true }),
      arc: fc.anything().map((event) => ({ event, ruleStash: {} }))
    });
    await fc.assert(fc.asyncProperty(anything, checkCase), { numRuns: ANY_JSON_RUNS, ...seedOption });
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  }, 120_000);

  it('tried every outcome often enough to mean something', () => {
    expect(outcomes.sent + outcomes.dryRun + outcomes.settingsError).toBe(PLAUSIBLE_RUNS + ANY_JSON_RUNS);
    expect(outcomes.sent).toBeGreaterThan(PLAUSIBLE_RUNS / 10);
    expect(outcomes.dryRun).toBeGreaterThan(0);
    expect(outcomes.tokenRenewals).toBeGreaterThan(0);
    expect(outcomes.settingsError).toBeGreaterThan(PLAUSIBLE_RUNS / 10);
  });
});
