/**
 * `npm run bench` (after `npm run build`): per-event cost of the built action against the floor,
 * throughput through Adobe's engine, cold start and sizes, in one run. Prints a Markdown table and
 * writes bench/results.json. Loopback only: Amazon is the in-process stand-in.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPOSITORY_ROOT, requireBuiltAction } from './action';
import { measureColdStart } from './coldStart';
import { measureEngine } from './engine';
import { minimalEvent, purchaseEvent } from './events';
import { measurePerEvent, type PerEventResult } from './perEvent';
import { formatReport, type BenchResults } from './report';
import { measureSizes } from './size';

const PER_EVENT = { warmup: 1500, iterations: 5000, rounds: 50 } as const;
const ENGINE = { concurrencies: [1, 64], warmupEvents: 200, events: 1000, networkEvents: 400 } as const;
const COLD_START_TRIALS = 15;

async function main(): Promise<void> {
  const startedAt = new Date();
  const started = performance.now();
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg() };

  // Cold start first, before anything of the module has been compiled in this process.
  const coldStart = await measureColdStart(purchaseEvent('events'), COLD_START_TRIALS);

  const action = requireBuiltAction();
  const perEvent: PerEventResult[] = [];
  for (const event of [purchaseEvent('events'), purchaseEvent('legacy'), minimalEvent('events')]) {
    perEvent.push(await measurePerEvent(action, event, PER_EVENT));
  }
  const engine = await measureEngine(ENGINE);
  const size = await measureSizes();

  const results: BenchResults = {
    machine,
    startedAt: startedAt.toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    perEvent,
    engine,
    coldStart,
    size
  };
  writeFileSync(join(REPOSITORY_ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(formatReport(results));
  console.log('\nWritten to bench/results.json.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
