/**
 * Latency sampling for async work: warm up first (so V8 has optimised the code under test), then
 * time each call on its own and report the median and the 95th percentile in microseconds.
 */
import { performance } from 'node:perf_hooks';

export interface LatencyStats {
  /** Microseconds. */
  readonly medianUs: number;
  readonly p95Us: number;
  readonly samples: number;
}

export interface SampleOptions {
  readonly warmup: number;
  readonly iterations: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) throw new Error('no samples');
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarise(samplesUs: readonly number[]): LatencyStats {
  const sorted = [...samplesUs].sort((a, b) => a - b);
  return { medianUs: percentile(sorted, 0.5), p95Us: percentile(sorted, 0.95), samples: sorted.length };
}

export async function sampleLatency(task: () => Promise<unknown>, options: SampleOptions): Promise<LatencyStats> {
  for (let i = 0; i < options.warmup; i += 1) await task();
  const samples: number[] = new Array<number>(options.iterations);
  for (let i = 0; i < options.iterations; i += 1) {
    const start = performance.now();
    await task();
    samples[i] = (performance.now() - start) * 1000;
  }
  return summarise(samples);
}

/**
 * Two tasks sampled in alternating rounds, so that machine noise (other processes on a shared
 * machine) falls on both alike and their ratio stays meaningful.
 */
export async function sampleInterleaved(
  tasks: { readonly a: () => Promise<unknown>; readonly b: () => Promise<unknown> },
  options: SampleOptions & { readonly rounds: number }
): Promise<{ a: LatencyStats; b: LatencyStats }> {
  const perRound = Math.ceil(options.iterations / options.rounds);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < options.warmup; i += 1) {
    await tasks.a();
    await tasks.b();
  }
  const time = async (task: () => Promise<unknown>, into: number[]): Promise<void> => {
    for (let i = 0; i < perRound; i += 1) {
      const start = performance.now();
      await task();
      into.push((performance.now() - start) * 1000);
    }
  };
  for (let round = 0; round < options.rounds; round += 1) {
    await time(tasks.a, a);
    await time(tasks.b, b);
  }
  return { a: summarise(a), b: summarise(b) };
}
