/**
 * Vitest setup file: taps every engine harness run of the test file into the leak sink and fails
 * the file (so `vitest run` exits non-zero) when any recorded line holds a secret or a raw
 * personal value.
 */
import { afterAll } from 'vitest';
import { observeHarnessRuns } from '../../scripts/engine/runObservers';
import { describeLeaks } from './leakScanner';
import { recordHarnessRun, takeLeaks } from './leakSink';

const stopObserving = observeHarnessRuns(recordHarnessRun);

afterAll(() => {
  stopObserving();
  const { leaks } = takeLeaks();
  if (leaks.length > 0) throw new Error(describeLeaks(leaks));
});
