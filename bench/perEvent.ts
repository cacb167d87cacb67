/**
 * Per-event cost of the built action against the floor, for each benchmark event: both measured in
 * the same process, interleaved, after the same warm-up.
 */
import { actionRun, type SendWebEvent } from './action';
import type { BenchEvent } from './events';
import { checkFloor, floorFor } from './floor';
import { sampleInterleaved, type LatencyStats } from './measure';

export interface PerEventResult {
  readonly event: string;
  readonly action: LatencyStats;
  readonly floor: LatencyStats;
  /** Median action time / median floor time. */
  readonly ratio: number;
  readonly bodyBytes: number;
}

export interface PerEventOptions {
  readonly warmup: number;
  readonly iterations: number;
  readonly rounds: number;
}

export async function measurePerEvent(action: SendWebEvent, event: BenchEvent, options: PerEventOptions): Promise<PerEventResult> {
  const run = actionRun(action, event);
  const summary = await run.send();
  if (summary.status !== 'sent') throw new Error(`${event.name}: the action did not send the event`);
  const sentBody = run.lastCall().init.body;
  const floor = floorFor(event, sentBody);
  await checkFloor(event, sentBody, floor);

  const { a, b } = await sampleInterleaved({ a: run.send, b: floor.run }, options);
  return { event: event.name, action: a, floor: b, ratio: a.medianUs / b.medianUs, bodyBytes: Buffer.byteLength(sentBody) };
}
