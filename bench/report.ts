/** The benchmark's results as one JSON document (bench/results.json) and as the table printed. */
import type { ColdStartResult } from './coldStart';
import type { EngineResults, ThroughputResult } from './engine';
import type { PerEventResult } from './perEvent';
import type { SizeResults } from './size';

export interface BenchResults {
  readonly machine: { readonly node: string; readonly cpus: number; readonly cpuModel: string; readonly loadAverage: readonly number[] };
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly perEvent: readonly PerEventResult[];
  readonly engine: EngineResults;
  readonly coldStart: ColdStartResult;
  readonly size: SizeResults;
}

const us = (value: number): string => `${value.toFixed(0)} µs`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

function throughputRows(label: string, results: readonly ThroughputResult[]): string[][] {
  return results.map((result) => [label, String(result.concurrency), result.eventsPerSecond.toFixed(0), us(result.usPerEvent)]);
}

export function formatReport(results: BenchResults): string {
  const { machine, perEvent, engine, coldStart, size } = results;
  const noopAtOne = engine.noop.find((result) => result.concurrency === 1);
  const sections = [
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load average ${machine.loadAverage.map((load) => load.toFixed(2)).join(' ')} at start; ${results.durationSeconds.toFixed(0)} s.`,
    '**Per event: the built action called directly (utils.fetch answers 207 at once) against the floor** (SHA-256 of the same normalised values with crypto.subtle, in parallel, plus JSON.stringify of the same body)',
    table(
      ['event', 'action median', 'action p95', 'floor median', 'floor p95', 'action / floor', 'body'],
      perEvent.map((result) => [
        result.event,
        us(result.action.medianUs),
        us(result.action.p95Us),
        us(result.floor.medianUs),
        us(result.floor.p95Us),
        result.ratio.toFixed(2),
        `${result.bodyBytes} B`
      ])
    ),
    "**Through Adobe's engine** (`@adobe/reactor-turbine-edge`, purchase with data element tokens and a Core Secret)",
    table(
      ['run', 'concurrency', 'events/s', 'wall time per event'],
      [
        ...throughputRows('action → Amazon stand-in (loopback HTTP)', engine.action),
        ...throughputRows('action, answer in process (no network)', engine.actionWithoutNetwork),
        ...throughputRows("no-op action (the engine's own cost)", engine.noop)
      ]
    ),
    noopAtOne === undefined ? '' : `Engine overhead per event (no-op action, concurrency 1): ${us(noopAtOne.usPerEvent)}.`,
    '**Cold start** (fresh V8 context, web globals only; load = compile + evaluate, schemas built once here)',
    table(
      ['trials', 'load (median)', 'load → first event sent (median)', 'first trial: load → first event sent'],
      [[String(coldStart.trials), ms(coldStart.loadMs), ms(coldStart.firstEventMs), ms(coldStart.firstTrialFirstEventMs)]]
    ),
    '**Size**',
    table(
      ['file', 'raw', 'gzip'],
      [
        ...size.libraryFiles.map((file) => [file.file, kb(file.bytes), kb(file.gzipBytes)]),
        [`package zip (Adobe packager, ${size.packageZip.entries} files)`, kb(size.packageZip.bytes), '—']
      ]
    ),
    `Largest parts of the minified action: ${size.actionBundle
      .slice(0, 6)
      .map((part) => `${part.input} ${kb(part.bytes)}`)
      .join(', ')}.`
  ];
  return sections.filter((section) => section !== '').join('\n\n');
}
