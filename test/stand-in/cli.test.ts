import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedRequest, RecordedTokenRequest } from '../../scripts/amazon-stand-in/index';
import { describeRequest, describeTokenRequest, maskBody } from '../../scripts/amazon-stand-in/log-view';
import {
  ACCESS_TOKEN,
  BASES,
  EMAIL_SHA256,
  EVENTS_PATH,
  TOKEN_URLS,
  eventsApiHeaders,
  tokenForm,
  validEventsApiEvent
} from './fixtures';

describe('log view', () => {
  it('masks raw identifiers and the IP address but keeps digests', () => {
    const event = validEventsApiEvent();
    event.matchKeys = [
      { type: 'EMAIL', values: [EMAIL_SHA256] },
      { type: 'PHONE', values: ['+15555550100'] },
      { type: 'MATCH_ID', values: ['customer_0001'] }
    ];
    expect(maskBody({ events: [event] })).toEqual({
      events: [
        {
          ...event,
          matchKeys: [
            { type: 'EMAIL', values: [EMAIL_SHA256] },
            { type: 'PHONE', values: ['[masked]'] },
            { type: 'MATCH_ID', values: ['[masked]'] }
          ],
          consent: { ...(event.consent as object), geo: { ipAddress: '[masked]' } }
        }
      ]
    });
  });

  it('measures a body that did not parse instead of printing it', () => {
    expect(maskBody('email=user@example.com')).toBe('[unparsed body, 22 characters]');
  });

  it('never prints the access token', () => {
    const request: RecordedRequest = {
      api: 'events',
      region: 'NA',
      host: 'advertising-api.amazon.com',
      path: EVENTS_PATH,
      headers: { authorization: `Bearer ${ACCESS_TOKEN}`, 'amazon-ads-accountid': '5550000000001' },
      body: { events: [] },
      status: 400,
      response: { code: 'BAD_REQUEST', message: 'events must be an array of 1 to 500 events' }
    };
    const text = describeRequest(request);
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '[events NA] POST https://advertising-api.amazon.com/adsApi/v1/create/events → 400',
      '  headers: {"amazon-ads-accountid":"5550000000001"}, authorization: present (not shown)'
    ]);
  });

  it('prints a token request without the refresh token or client secret', () => {
    const request: RecordedTokenRequest = {
      region: 'EU',
      host: 'api.amazon.co.uk',
      form: Object.fromEntries(new URLSearchParams(tokenForm())),
      status: 0
    };
    expect(describeTokenRequest(request)).toBe(
      '[token EU] POST https://api.amazon.co.uk/auth/o2/token {"grant_type":"refresh_token","client_id":"amzn1.application-oa2-client.fake"} → no answer (connection reset)'
    );
  });
});

describe('stand-in CLI', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('prints its URL, then each request without secrets, and stops on SIGTERM', async () => {
    const cli = spawn(join('node_modules', '.bin', 'tsx'), [join('scripts', 'amazon-stand-in', 'cli.ts'), '--port', '0']);
    child = cli;
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const waitForOutput = async (pattern: RegExp): Promise<RegExpMatchArray> => {
      for (;;) {
        const match = pattern.exec(output);
        if (match) return match;
        await once(cli.stdout, 'data');
      }
    };
    const [url] = await waitForOutput(/http:\/\/127\.0\.0\.1:\d+/);

    await fetch(`${url}/${new URL(TOKEN_URLS.NA).hostname}/auth/o2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: tokenForm()
    });
    await fetch(`${url}/${new URL(BASES.NA).hostname}${EVENTS_PATH}`, {
      method: 'POST',
      headers: eventsApiHeaders(),
      body: JSON.stringify({ events: [validEventsApiEvent()] })
    });
    await waitForOutput(/\[events NA\] POST https:\/\/advertising-api\.amazon\.com\/adsApi\/v1\/create\/events → 207/);

    expect(output).toContain('[token NA] POST https://api.amazon.com/auth/o2/token');
    expect(output).toContain(EMAIL_SHA256);
    for (const secret of [ACCESS_TOKEN, 'Atzr|fake-refresh-token', 'fake-client-secret', '203.0.113.7']) {
      expect(output).not.toContain(secret);
    }
    cli.kill('SIGTERM');
    const [exitCode] = (await once(cli, 'exit')) as [number | null];
    expect(exitCode).toBe(0);
  });
});
