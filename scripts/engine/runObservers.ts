/**
 * A tap on every engine harness run, so a test suite can check everything the runs logged (the
 * leak scan in test/support). Kept apart from the harness so that tapping does not load the engine.
 */
import type { EdgeRequest, RuleRun } from './harness';
import type { PropertyDefinition } from './property';

export interface ObservedRun {
  property: PropertyDefinition;
  /** Secret values by secret id, as the run was given them. */
  env: Readonly<Record<string, string>>;
  request: EdgeRequest;
  /** The rule results, or the error the run rejected with. */
  outcome: { runs: RuleRun[] } | { error: unknown };
}

export type RunObserver = (observed: ObservedRun) => void;

const observers = new Set<RunObserver>();

/** Calls `observer` after every harness run until the returned function is called. */
export function observeHarnessRuns(observer: RunObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function reportHarnessRun(observed: ObservedRun): void {
  for (const observer of observers) observer(observed);
}
