/**
 * The suite-wide leak scan (test/support): what it finds, what it lets pass and why, and that a
 * leak really fails a `vitest run` even when every test in the file passed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startAmazonStandIn } from '../../scripts/amazon-stand-in';
import { createEngineHarness } from '../../scripts/engine/harness';
import { standInRouter } from '../../scripts/engine/routing';
import { property, PURCHASE_SETTINGS, purchaseRequest, recentEventTime, sendRule } from '../engine/support';
import { findLeaks } from '../support/leakScanner';
import { sinkStatus } from '../support/leakSink';
import { FAKE_ACCESS_TOKEN, FAKE_CLIENT_SECRET, FAKE_EMAIL, FAKE_IPV4, FAKE_PHONE, SUITE_SENSITIVE_VALUES } from '../support/sensitiveValues';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const line = (text: string) => ({ source: 'test line', text });
const labelsIn = (text: string) => findLeaks([line(text)], SUITE_SENSITIVE_VALUES).map((leak) => leak.label);

describe('findLeaks', () => {
  it('finds secrets and raw personal values in any case, and hides them in its report', () => {
    expect(labelsIn(`Bearer ${FAKE_ACCESS_TOKEN}`)).toEqual(['access token']);
    expect(labelsIn(`client_secret=${FAKE_CLIENT_SECRET}`)).toEqual(['client secret']);
    expect(labelsIn(`email " ${FAKE_EMAIL.toUpperCase()} " is not valid`)).toEqual(['email address']);
    expect(labelsIn('phone +1 (555) 555-0100')).toEqual(['phone number (formatted)']);
    expect(labelsIn('phone 15555550100')).toEqual(['phone number (digits)']);
    expect(labelsIn(`ip ${FAKE_IPV4}`)).toEqual(['IPv4 address']);
    const [leak] = findLeaks([line(`{"refresh_token":"Atzr|fake-refresh-token","x":1}`)], SUITE_SENSITIVE_VALUES);
    expect(leak?.excerpt).toBe('{"refresh_token":"«refresh token»","x":1}');
  });

  it('passes hashed, masked and redacted forms', () => {
    expect(labelsIn('"values":["b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514"] "ipAddress":"203.0.x.x"')).toEqual([]);
    expect(labelsIn('"Authorization":"Bearer [redacted]" The "Amazon access token" data element value is "*****oken".')).toEqual([]);
  });

  it('lets Adobe\'s echo of the incoming event through for personal values, never for secrets', () => {
    expect(labelsIn(`Calling "Path" module from the "Core" extension. Event:  {"data":{"email":"${FAKE_EMAIL}"}} Rule Stash:  {}`)).toEqual([]);
    expect(labelsIn(`The "Email" data element value is "${FAKE_EMAIL}".`)).toEqual([]);
    expect(labelsIn(`"Path" module from the "Core" extension returned. Output: ${FAKE_EMAIL}`)).toEqual([]);
    expect(labelsIn(`The "Token" data element value is "${FAKE_ACCESS_TOKEN}".`)).toEqual(['access token']);
    // Our own module's output is not Adobe's echo.
    expect(labelsIn(`"Send Amazon Web Events API Event" module from the "Amazon Web Events API Extension" extension returned. Output: {"e":"${FAKE_EMAIL}"}`)).toEqual(['email address']);
  });

  it('lets the IP address through only in Amazon\'s own answer in the fetch trace', () => {
    expect(labelsIn(`FETCH Resource https://x Options {"body":"203.0.x.x"} Response Status 207 Response Body {"message":"ip ${FAKE_IPV4}"}`)).toEqual([]);
    expect(labelsIn(`FETCH Resource https://x Options {"body":"${FAKE_IPV4}"} Response Status 207 Response Body {}`)).toEqual(['IPv4 address']);
  });
});

describe('the scan of this suite\'s engine runs', () => {
  it('reads every line of a real run, literal secrets and personal values in the settings included, and finds none', async () => {
    const standIn = await startAmazonStandIn();
    try {
      // No Secret data element: Adobe masks nothing here, so only the extension keeps these out of the logs.
      const definition = property([sendRule('RL-literal', { ...PURCHASE_SETTINGS, user: { email: FAKE_EMAIL, phone: FAKE_PHONE, ipAddress: FAKE_IPV4 } })], {
        accessToken: FAKE_ACCESS_TOKEN
      });
      const before = sinkStatus();
      const runs = await createEngineHarness({ property: definition, fetch: standIn.fetch, globalFetch: standInRouter(standIn.url) }).execute(
        purchaseRequest(recentEventTime())
      );

      expect(runs[0]?.status).toBe('success');
      expect(standIn.requests[0]?.headers.authorization).toBe(`Bearer ${FAKE_ACCESS_TOKEN}`);
      const after = sinkStatus();
      expect(after.linesScanned - before.linesScanned).toBe(runs[0]?.logs.length);
      expect(after.linesScanned - before.linesScanned).toBeGreaterThan(20);
      expect(after.leaks).toBe(before.leaks);
    } finally {
      await standIn.close();
    }
  });
});

describe('a leak fails the run', () => {
  it('vitest exits non-zero when passing tests leaked a line, naming each leak without the value', () => {
    const child = spawnSync('npx', ['vitest', 'run', '--config', 'test/reliability/fixtures/leaking.vitest.config.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 60_000
    });
    const output = `${child.stdout}${child.stderr}`;
    expect(child.status).toBe(1);
    expect(output).toContain('2 passed');
    expect(output).toContain('3 secret or personal value(s) leaked into logs or errors:');
    expect(output).toContain('- refresh token in fixture logger (info): Renewing with «refresh token»');
    expect(output).toContain('- access token in engine rule RL-echo (log):');
    expect(output).not.toContain('fake-refresh-token');
    expect(output).not.toContain(FAKE_ACCESS_TOKEN);
  });
});
