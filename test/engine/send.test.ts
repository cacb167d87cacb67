/** `npm run send`: one event through Adobe's engine from the command line. Needs the built library. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../scripts/engine/harness';

function send(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const variables = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AMAZON_')));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/send.ts', ...args], {
      cwd: REPOSITORY_ROOT,
      env: { ...variables, ...env },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run send', () => {
  it('sends a bundled example to the stand-in with its own property and exits 0', async () => {
    const { code, stdout } = await send(['examples/eu-purchase-with-consent.json']);

    expect(code).toBe(0);
    expect(stdout).toContain('▶ examples/eu-purchase-with-consent.json → property examples/properties/europe.json (Amazon stand-in)');
    expect(stdout).toContain('Rule "Send conversions to Amazon" (RL-send-to-amazon): success');
    expect(stdout).toContain('Amazon received: POST https://advertising-api-eu.amazon.com/adsApi/v1/create/events');
  }, 30_000);

  it('exits 1 with the reason when the rule fails', async () => {
    const { code, stdout } = await send(['examples/rejected-stale-order.json']);

    expect(code).toBe(1);
    expect(stdout).toContain('Reason: Failed to execute "Send Amazon Web Events API Event". Invalid settings: event.time is more than 21 days ago');
    expect(stdout).toContain('Amazon received nothing for this event.');
  }, 30_000);

  it('--live without credentials names the missing variables and prints no value', async () => {
    const { code, stdout, stderr } = await send(['examples/purchase.json', '--live'], { AMAZON_CLIENT_SECRET: 'fake-client-secret-0000' });

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      '--live needs Amazon credentials in environment variables: AMAZON_CLIENT_ID is not set; AMAZON_ADVERTISER_ID is not set; set AMAZON_ACCESS_TOKEN, or AMAZON_REFRESH_TOKEN and AMAZON_CLIENT_SECRET.'
    );
  }, 30_000);
});
