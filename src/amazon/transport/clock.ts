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
 * Why the timer of a settled task is cancelled. Only the timer's own sleep sees it; passing one
 * spares `abort()` building a DOMException with a stack trace for every delivered event.
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
    const taskControl = new AbortController();
    const timerControl = new AbortController();
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
    };
    void clock.sleep(limitMs, timerControl.signal).then(() =>
      settle(() => {
        const exceeded = new TimeLimitExceeded(limitMs);
        taskControl.abort(exceeded);
        reject(exceeded);
      })
    );
    new Promise<T>((run) => run(task(taskControl.signal))).then(
      (value) =>
        settle(() => {
          timerControl.abort(TASK_SETTLED);
          resolve(value);
        }),
      (error: unknown) =>
        settle(() => {
          timerControl.abort(TASK_SETTLED);
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
