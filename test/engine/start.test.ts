/**
 * `npm start --once`: Adobe's sandbox and the Amazon stand-in on loopback, the bundled examples
 * through `POST /process-edge-request`, then a clean exit. Needs the build (`npm test` builds
 * first) and the sandbox's fixed ports 3000 and 4000.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../scripts/engine/harness';
import { assertSandboxPortsFree } from '../../scripts/sandbox/sandbox';

function runStartOnce(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--once'], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The report block of one example: from its "▶ title" line to the next one. */
function block(stdout: string, title: string): string {
  const start = stdout.indexOf(`▶ ${title}`);
  if (start < 0) throw new Error(`No report for "${title}" in:\n${stdout}`);
  const next = stdout.indexOf('▶ ', start + 2);
  return stdout.slice(start, next < 0 ? undefined : next);
}

describe('npm start --once', () => {
  beforeAll(async () => {
    // A running `npm start` (or anything else on 3000/4000) makes this fail here, with the reason.
    await assertSandboxPortsFree();
  });

  it('says which port is busy instead of starting a second sandbox', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(4000, '127.0.0.1', resolve));
    try {
      await expect(assertSandboxPortsFree()).rejects.toThrow(
        "Port 4000 on 127.0.0.1 is in use. Adobe's sandbox always listens on 3000 and 4000: stop the other sandbox (another npm start?) or the program using it, then try again."
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('sends every bundled example through Adobe\'s sandbox and prints what Amazon received', async () => {
    const { code, stdout, stderr } = await runStartOnce();

    expect(stderr).toBe('');
    expect(code).toBe(0);
    const purchase = block(stdout, 'Purchase (US');
    expect(purchase).toContain('Rule "Send conversions to Amazon" (RL-send-to-amazon): success');
    expect(purchase).toContain('Amazon received: POST https://advertising-api.amazon.com/adsApi/v1/create/events');
    expect(purchase).toContain('Amazon answered: 207');
    expect(block(stdout, 'Add to cart')).toContain('): success');
    expect(block(stdout, 'Lead')).toContain('): success');
    const europe = block(stdout, 'Purchase in Germany');
    expect(europe).toContain('): success');
    expect(europe).toContain('Amazon received: POST https://advertising-api-eu.amazon.com/adsApi/v1/create/events');
    const rejected = block(stdout, 'Rejected');
    expect(rejected).toContain('): failed');
    expect(rejected).toContain('Reason: Failed to execute "Send Amazon Web Events API Event".');
    expect(rejected).toContain('Amazon received nothing for this event.');
    // Secrets and raw personal data stay out of the printout.
    expect(stdout).not.toContain('fake-access-token');
    expect(stdout).not.toContain('203.0.113.7');
    expect(stdout).not.toContain('User@Example.com');
    // Both servers are gone.
    await expect(assertSandboxPortsFree()).resolves.toBeUndefined();
  }, 60_000);
});
