/**
 * Collects leaks while a test file runs: every engine harness run (each rule log line and the error
 * a run rejects with) and every line a test hands over itself (built-module logger calls and
 * errors). Lines are scanned as they arrive and only leaks are kept, so a load test of thousands
 * of runs costs no memory here. ./leakScanSetup.ts fails the file when any leak was found.
 */
import type { ObservedRun } from '../../scripts/engine/runObservers';
import { traceText } from '../../scripts/engine/traces';
import { findLeaks, type Leak, type RecordedLine } from './leakScanner';
import { valuesGivenToRun } from './runValues';
import { SUITE_SENSITIVE_VALUES, type SensitiveValue } from './sensitiveValues';

let leaks: Leak[] = [];
let linesScanned = 0;

/** Scans lines against the suite's values plus `extraValues` (e.g. a generated email). */
export function recordLines(lines: readonly RecordedLine[], extraValues: readonly SensitiveValue[] = []): void {
  linesScanned += lines.length;
  leaks.push(...findLeaks(lines, [...SUITE_SENSITIVE_VALUES, ...extraValues]));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function recordHarnessRun(observed: ObservedRun): void {
  const lines: RecordedLine[] =
    'runs' in observed.outcome
      ? observed.outcome.runs.flatMap((run) =>
          run.logs.map((entry) => ({ source: `engine rule ${run.ruleId} (${entry.attributes.logLevel})`, text: traceText(entry) }))
        )
      : [{ source: 'engine harness error', text: errorText(observed.outcome.error) }];
  recordLines(lines, valuesGivenToRun(observed));
}

/** What the sink holds so far, without taking it. */
export function sinkStatus(): { leaks: number; linesScanned: number } {
  return { leaks: leaks.length, linesScanned };
}

/** The leaks found since the last call, and how many lines were scanned; resets both. */
export function takeLeaks(): { leaks: Leak[]; linesScanned: number } {
  const taken = { leaks, linesScanned };
  leaks = [];
  linesScanned = 0;
  return taken;
}
