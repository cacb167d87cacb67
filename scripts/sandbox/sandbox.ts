/**
 * Starting, probing and talking to Adobe's sandbox (./serve.ts in a child process). Its ports are
 * fixed by Adobe: HTTP 3000 and HTTPS 4000.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { RuleStatus, TraceEntry } from '../engine/engine';
import type { EdgeRequest } from '../engine/harness';

export const SANDBOX_PORTS = [3000, 4000] as const;
export const SANDBOX_URL = 'http://127.0.0.1:3000';

/** The sandbox's `POST /process-edge-request` answer (HTTP 202). */
export interface SandboxAnswer {
  header: { createdAt: number };
  body: { status: Array<[string, RuleStatus]>; traces: TraceEntry[] };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Adobe's sandbox cannot move ports, so a second sandbox (or another server) must be stopped first. */
export async function assertSandboxPortsFree(): Promise<void> {
  const busy: number[] = [];
  for (const port of SANDBOX_PORTS) if (!(await portIsFree(port))) busy.push(port);
  if (busy.length > 0) {
    throw new Error(
      `Port ${busy.join(' and ')} on 127.0.0.1 is in use. Adobe's sandbox always listens on 3000 and 4000: stop the other sandbox (another npm start?) or the program using ${busy.length > 1 ? 'them' : 'it'}, then try again.`
    );
  }
}

export interface RunningSandbox {
  readonly process: ChildProcess;
  /** Everything the sandbox printed, for diagnosing a failed start. */
  readonly output: string[];
  stop(): Promise<void>;
}

export function startSandboxProcess(options: { root: string; standInUrl: string; secrets: Record<string, string>; onOutput?: (line: string) => void }): RunningSandbox {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', join(options.root, 'scripts/sandbox/serve.ts')], {
    cwd: options.root,
    env: { ...process.env, AMAZON_STAND_IN_URL: options.standInUrl, SANDBOX_SECRETS: JSON.stringify(options.secrets) },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      output.push(line);
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    }
  };
}

/**
 * Ready when the sandbox serves `/extensionDescriptor`. (`/status` is no probe: it runs
 * `npm view` synchronously and blocks the sandbox for about 70 s offline.)
 */
export async function waitForSandbox(sandbox: RunningSandbox, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (sandbox.process.exitCode !== null || sandbox.process.signalCode !== null) {
      throw new Error(`The sandbox stopped before it was ready:\n${sandbox.output.slice(-20).join('\n')}`);
    }
    try {
      const response = await fetch(`${SANDBOX_URL}/extensionDescriptor`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        await response.arrayBuffer();
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The sandbox was not ready after ${timeoutMs / 1000} s:\n${sandbox.output.slice(-20).join('\n')}`);
}

export async function postEdgeRequest(request: EdgeRequest): Promise<SandboxAnswer> {
  const response = await fetch(`${SANDBOX_URL}/process-edge-request`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request)
  });
  const text = await response.text();
  if (response.status !== 202) throw new Error(`The sandbox answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as SandboxAnswer;
}
