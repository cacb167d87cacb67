/**
 * Real time for production, and the one timeout primitive the transport uses. Timeouts go through
 * the injectable `Clock` so that retry and budget tests run on a fake clock with exact delays.
 */
import type { Clock } from './types';

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) {
        resolve();
        return;
      }
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      signal?.addEventListener('abort', finish, { once: true });
    }),
  random: () => Math.random()
};

/**
 * Why a settled task's signal is aborted (to cancel its timer). Passing a reason spares `abort()`
 * building a DOMException with a stack trace for every delivered event.
 */
const TASK_SETTLED = 'task settled';

/** Raised when a task did not finish within its time limit. */
export class TimeLimitExceeded extends Error {
  constructor(readonly limitMs: number) {
    super(`no answer within ${formatSeconds(limitMs)}`);
    this.name = 'TimeLimitExceeded';
  }
}

/**
 * Runs `task` with a signal that aborts after `limitMs`. Rejects with `TimeLimitExceeded` when time
 * runs out even if the task ignores its signal (not every fetch honours one), so the caller's time
 * is bounded either way. The timer is cancelled as soon as the task settles.
 */
export function withTimeLimit<T>(clock: Clock, limitMs: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // One controller serves both ends: it aborts the task when time runs out, and once the task has
    // settled (its answer read in full) nothing listens to the task's side any more, so aborting it
    // then only cancels the timer. One AbortSignal per attempt instead of two.
    const control = new AbortController();
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
    };
    void clock.sleep(limitMs, control.signal).then(() =>
      settle(() => {
        const exceeded = new TimeLimitExceeded(limitMs);
        control.abort(exceeded);
        reject(exceeded);
      })
    );
    new Promise<T>((run) => run(task(control.signal))).then(
      (value) =>
        settle(() => {
          control.abort(TASK_SETTLED);
          resolve(value);
        }),
      (error: unknown) =>
        settle(() => {
          control.abort(TASK_SETTLED);
          reject(error instanceof Error ? error : new Error(String(error)));
        })
    );
  });
}

/** "250 ms", "2 s", "4.8 s": durations as users read them in messages. */
export function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 100) / 10;
  return `${seconds} s`;
}
